// Package caller is the end of the chain; it has agent tasks.
package caller

import (
	"api"
	"auth"
	"svc"
)

// Poll passes its client two packages down.
func Poll(task *auth.AgentTask, c *api.Client) (api.Usage, error) { // want Poll:`^bearerOnlyVia\(c\)$`
	return svc.FetchUsage(c)
}

// Header passes its token to a returns-bearer helper of another package.
func Header(tok string) string { // want Header:`^bearerOnlyVia\(tok\) returnsBearer$`
	return api.AuthHeader(tok)
}

// Models instantiates a generic helper of another package.
func Models(c *api.Client) ([]string, error) { // want Models:`^bearerOnlyVia\(c\)$`
	return api.Fetch[[]string](c, "/codex/models")
}

// AsTask passes the task as the provider: still bearer-only through c.
func AsTask(task *auth.AgentTask, c *api.Client) error { // want AsTask:`^bearerOnlyVia\(c\)$`
	_, err := c.GetAs(task, "/wham/usage")
	return err
}
