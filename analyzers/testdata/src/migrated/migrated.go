// Package migrated is an API that bearercheck -fix has migrated: a client
// whose token is a provider, with WithAuth, and a deprecated wrapper with
// its provider-taking variant.
package migrated

import "net/http"

// Provider hands out the whole Authorization header value.
type Provider interface{ AuthorizationHeaderValue() string }

// Static is the user's provider (the discovered token adapter).
type Static struct{ Token string }

func (s *Static) AuthorizationHeaderValue() string { return "Bearer " + s.Token }

// BearerToken returns the raw token.
func (s *Static) BearerToken() string { return s.Token }

// AgentTask is a task that is a provider itself.
type AgentTask struct{ Envelope string }

func (t *AgentTask) AuthorizationHeaderValue() string { return "AgentAssertion " + t.Envelope }

// RegisteredAgentTask yields its provider from a method.
type RegisteredAgentTask struct{ task AgentTask }

// AuthProvider returns the task's provider.
func (r *RegisteredAgentTask) AuthProvider() Provider { return &r.task }

// Client sends its provider's header.
type Client struct{ auth Provider }

// WithAuth returns a shallow copy of c that authenticates with p.
func (c *Client) WithAuth(p Provider) *Client {
	cp := *c
	cp.auth = p
	return &cp
}

// Get sends a request.
func (c *Client) Get(r *http.Request) {
	if v := c.auth.AuthorizationHeaderValue(); v != "" {
		r.Header.Set("Authorization", v)
	}
}

// Connect sets tok.
//
// Deprecated: use ConnectWithAuth.
//
//go:fix inline
func Connect(h http.Header, tok string) { ConnectWithAuth(h, &Static{Token: tok}) }

// ConnectWithAuth sets p's header.
func ConnectWithAuth(h http.Header, p Provider) {
	if v := p.AuthorizationHeaderValue(); v != "" {
		h.Set("Authorization", v)
	}
}
