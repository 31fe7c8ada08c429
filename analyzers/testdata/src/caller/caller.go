// Package caller calls bearer-only helpers with agent tasks in scope.
package caller

import (
	"log"
	"net/http"

	"api"
	"auth"
	"golang.org/x/oauth2"
	"notahelper"
	"oauth2wrap"
	"svc"
)

// Service performs the calls of one agent task.
type Service struct {
	client    *api.Client
	agentTask *auth.AgentTask
}

// Usage ignores the task held in a field of the receiver.
func (s *Service) Usage() (api.Usage, error) { // want[bearerdetect] Usage:`^bearerOnlyVia\(\.client\.token\)$`
	return s.client.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task s\.agentTask; pass an AuthProvider for the task$`
}

// Task passes the task through as an argument: not reported.
func (s *Service) Task(id string) (*http.Response, error) { // want[bearerdetect] Task:`^bearerOnlyVia\(\.client\.token\)$`
	return s.client.GetAs(s.agentTask, "/wham/tasks/"+id)
}

// FromParam ignores a task parameter; the helper is two packages away.
func FromParam(task *auth.AgentTask, c *api.Client) (api.Usage, error) { // want[bearerdetect] FromParam:`^bearerOnlyVia\(c\.token\)$`
	return svc.FetchUsage(c) // want[taskauth] `^call to bearer-only helper svc\.FetchUsage ignores agent task task;`
}

// FromValueParam has the task by value.
func FromValueParam(task auth.AgentTask, c *api.Client) (api.Usage, error) { // want[bearerdetect] FromValueParam:`^bearerOnlyVia\(c\.token\)$`
	log.Print(task.ID)
	return c.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task task;`
}

// Session carries the task of a request.
type Session struct {
	task   *auth.AgentTask
	Client *api.Client
}

// FromParamField ignores the task held in a field of a parameter.
func FromParamField(sess *Session) (api.Usage, error) { // want[bearerdetect] FromParamField:`^bearerOnlyVia\(sess\.Client\.token\)$`
	return sess.Client.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task sess\.task;`
}

// FromLocal ignores a task held in a local variable.
func FromLocal(c *api.Client) (api.Usage, error) { // want[bearerdetect] FromLocal:`^bearerOnlyVia\(c\.token\)$`
	task := auth.Current()
	log.Print(task.ID)
	return c.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task task;`
}

// FromRegistered has a task of a type whose name ends in AgentTask.
func FromRegistered(task *auth.RegisteredAgentTask, c *api.Client) (api.Usage, error) { // want[bearerdetect] FromRegistered:`^bearerOnlyVia\(c\.token\)$`
	return c.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task task;`
}

// Generic calls an instantiation of a generic helper.
func Generic(task *auth.AgentTask, c *api.Client) ([]string, error) { // want[bearerdetect] Generic:`^bearerOnlyVia\(c\.token\)$`
	return api.Fetch[[]string](c, "/codex/models") // want[taskauth] `^call to bearer-only helper api\.Fetch ignores agent task task;`
}

// ReturnsBearer calls a returns-bearer helper.
func ReturnsBearer(task *auth.AgentTask, tok string) string { // want[bearerdetect] ReturnsBearer:`^bearerOnlyVia\(tok\) returnsBearer$`
	return api.AuthHeader(tok) // want[taskauth] `^call to bearer-only helper api\.AuthHeader ignores agent task task;`
}

// OAuth calls a wrapper around (*oauth2.Token).SetAuthHeader.
func OAuth(task *auth.AgentTask, req *http.Request, tok *oauth2.Token) { // want[bearerdetect] OAuth:`^bearerOnlyVia\(tok\)$`
	oauth2wrap.SetToken(req, tok) // want[taskauth] `^call to bearer-only helper oauth2wrap\.SetToken ignores agent task task;`
}

// Closure calls a helper in a function literal: attributed to Closure.
func Closure(task *auth.AgentTask, c *api.Client) func() { // want[bearerdetect] Closure:`^bearerOnlyVia\(c\.token\)$`
	return func() {
		c.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task task;`
	}
}

// Negatives.

// PassTask passes the task through as an argument.
func PassTask(task *auth.AgentTask, c *api.Client) (*http.Response, error) { // want[bearerdetect] PassTask:`^bearerOnlyVia\(c\.token\)$`
	return c.GetAs(task, "/wham/usage")
}

// PassProvider passes a provider derived from the task.
func PassProvider(task *auth.AgentTask, c *api.Client) (*http.Response, error) { // want[bearerdetect] PassProvider:`^bearerOnlyVia\(c\.token\)$`
	p := task.Provider()
	return c.GetAs(p, "/wham/usage")
}

// PassTaskToken passes a value read through the task's own accessor: it
// derives from the task.
func PassTaskToken(task *auth.AgentTask, c *api.Client) string { // want[bearerdetect] PassTaskToken:`^returnsBearer$`
	return api.AuthHeader(task.Provider().BearerToken())
}

// NoTask has no agent task in scope.
func NoTask(c *api.Client) (api.Usage, error) { // want[bearerdetect] NoTask:`^bearerOnlyVia\(c\.token\)$`
	return c.GetUsage()
}

// NotHelpers calls functions that are not bearer-only helpers: a token
// from a provider, bearer-named functions that write no header.
func NotHelpers(task *auth.AgentTask, req *http.Request, p *notahelper.Provider) bool {
	notahelper.ViaAccessor(req, p)
	notahelper.ViaField(req, p)
	notahelper.LogBearer(notahelper.BearerFromEnv())
	return notahelper.HasBearer(req.Header)
}

// Direct calls the bearer-by-API method itself: that is a site, reported
// once by bearerheader (naming the task), not again by taskauth.
func Direct(task *auth.AgentTask, req *http.Request, tok *oauth2.Token) { // want[bearerdetect] Direct:`^bearerOnly\(tok\)$` want[bearerhelper] `^Direct is a bearer-only helper: it sends parameter tok as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\) \(no fix: its token does not reach a sink this fix can rewrite\)$`
	tok.SetAuthHeader(req) // want[bearerheader] `^oauth2\.Token\.SetAuthHeader sets a Bearer Authorization header and ignores agent task task; use task\.AuthorizationHeaderValue\(\)$`
}

// Embedded carries its task as an embedded field.
type Embedded struct {
	*auth.AgentTask
	client *api.Client
}

// FromEmbedded ignores the task embedded in the receiver.
func (e *Embedded) FromEmbedded() (api.Usage, error) { // want[bearerdetect] FromEmbedded:`^bearerOnlyVia\(\.client\.token\)$`
	return e.client.GetUsage() // want[taskauth] `^call to bearer-only helper api\.Client\.GetUsage ignores agent task e\.AgentTask;`
}

// AtSink writes a helper's bearer value to the header itself: that is a
// site, reported once by bearerheader (naming the task), not by taskauth.
func AtSink(task *auth.AgentTask, req *http.Request, tok string) { // want[bearerdetect] AtSink:`^bearerOnly\(tok\)$` want[bearerhelper] `^AtSink is a bearer-only helper: it sends parameter tok as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\) \(no fix: api\.AuthHeader migrates in its own package; this call then goes through its deprecated wrapper\)$`
	req.Header.Set("Authorization", api.AuthHeader(tok)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme through api\.AuthHeader and ignores agent task task; use task\.AuthorizationHeaderValue\(\) \(no fix: api\.AuthHeader migrates in its own package; this call then goes through its deprecated wrapper\)$`
}

// Poll passes its client two packages down.
func Poll(task *auth.AgentTask, c *api.Client) (api.Usage, error) { // want[bearerdetect] Poll:`^bearerOnlyVia\(c\.token\)$`
	return svc.FetchUsage(c) // want[taskauth] `^call to bearer-only helper svc\.FetchUsage ignores agent task task; pass an AuthProvider for the task$`
}

// Header passes its token to a returns-bearer helper of another package.
func Header(tok string) string { // want[bearerdetect] Header:`^bearerOnlyVia\(tok\) returnsBearer$`
	return api.AuthHeader(tok)
}

// Models instantiates a generic helper of another package.
func Models(c *api.Client) ([]string, error) { // want[bearerdetect] Models:`^bearerOnlyVia\(c\.token\)$`
	return api.Fetch[[]string](c, "/codex/models")
}

// AsTask passes the task as the provider: still bearer-only through c.
func AsTask(task *auth.AgentTask, c *api.Client) error { // want[bearerdetect] AsTask:`^bearerOnlyVia\(c\.token\)$`
	_, err := c.GetAs(task, "/wham/usage")
	return err
}
