// Package auth holds the agent task and AuthProvider types.
package auth

// Authorizer is anything that hands out a full Authorization header value.
type Authorizer interface {
	AuthorizationHeaderValue() string
}

// Provider is an AuthProvider.
type Provider struct {
	scheme string
	token  string
}

// AuthorizationHeaderValue is the provider method: the sanctioned place.
func (p *Provider) AuthorizationHeaderValue() string { // want[bearerdetect] AuthorizationHeaderValue:`^provider\(.*token.*\)$`
	return p.scheme + " " + p.token
}

// BearerToken is the token accessor.
func (p *Provider) BearerToken() string {
	return p.token
}

// AgentTask is the identity of one agent task; it is an Authorizer itself.
type AgentTask struct {
	ID       string
	envelope string
}

// AuthorizationHeaderValue implements Authorizer.
func (t *AgentTask) AuthorizationHeaderValue() string { // want[bearerdetect] AuthorizationHeaderValue:`^provider\(envelope\)$`
	return "AgentAssertion " + t.envelope
}

// Provider returns an AuthProvider for the task.
func (t *AgentTask) Provider() *Provider {
	return &Provider{scheme: "AgentAssertion", token: t.envelope}
}

// RegisteredAgentTask is a task the backend has acknowledged.
type RegisteredAgentTask struct {
	AgentTask
	Name string
}

// Current returns the task of the current goroutine, if any.
func Current() *AgentTask { return nil }
