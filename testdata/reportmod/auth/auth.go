// Package auth holds the AuthProvider and the agent task.
package auth

// Provider hands out the whole Authorization header value.
type Provider struct{ Token string }

// AuthorizationHeaderValue returns the header value.
func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.Token }

// AgentTask is an agent task.
type AgentTask struct{ ID string }

// BearerToken exposes the raw token (the accessor being migrated away from).
func (p *Provider) BearerToken() string { return p.Token }
