package bearercheck

import (
	"go/types"
	"slices"
	"testing"
)

// After the migration, a call that ignores an available agent task is
// still found: through a function that has a provider-taking variant
// (FWithAuth) or a method of a client that has WithAuth. A call that
// passes the task, or goes through WithAuth already, is not.
func TestReroutes(t *testing.T) {
	p := typeCheck(t, `package p
import "net/http"
type Provider interface{ AuthorizationHeaderValue() string }
type Static struct{ Token string }
func (s *Static) AuthorizationHeaderValue() string { return "Bearer " + s.Token }
type AgentTask struct{ Envelope string }
func (t *AgentTask) AuthorizationHeaderValue() string { return "AgentAssertion " + t.Envelope }

type Client struct{ auth Provider }
func (c *Client) WithAuth(p Provider) *Client { cp := *c; cp.auth = p; return &cp }
func (c *Client) Get(r *http.Request) { r.Header.Set("Authorization", c.auth.AuthorizationHeaderValue()) }

func Connect(h http.Header, tok string) { ConnectWithAuth(h, &Static{Token: tok}) }
func ConnectWithAuth(h http.Header, p Provider) { h.Set("Authorization", p.AuthorizationHeaderValue()) }
func Other(h http.Header, tok string) {}
func OtherWithAuth(h http.Header, n int) {}

type Service struct {
	c    *Client
	task *AgentTask
}
func (s *Service) Run(r *http.Request, tok string) {
	s.c.Get(r)
	Connect(r.Header, tok)
	Other(r.Header, tok)
	s.c.WithAuth(s.task).Get(r)
	ConnectWithAuth(r.Header, s.task)
}
func NoTask(c *Client, r *http.Request) { c.Get(r) }
`)
	var got []string
	for _, c := range Analyze(p).TaskCalls {
		if c.Reroute == nil {
			continue
		}
		what := types.ExprString(c.Call.Fun) + " " + c.Task.Expr
		if c.Reroute.Variant != nil {
			what += " variant " + c.Reroute.Variant.Name()
		} else {
			what += " withauth"
		}
		got = append(got, what)
	}
	want := []string{"s.c.Get s.task withauth", "Connect s.task variant ConnectWithAuth"}
	if !slices.Equal(got, want) {
		t.Errorf("reroutes = %q, want %q", got, want)
	}
}
