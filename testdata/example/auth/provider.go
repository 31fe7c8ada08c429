// Package auth supplies the credentials that the Acme API clients send.
package auth

// Provider hands out the complete value of the Authorization header,
// scheme included. Today that is "Bearer <token>" for users; agent tasks
// use "AgentAssertion <envelope>". Callers must not add a scheme themselves.
type Provider interface {
	AuthorizationHeaderValue() string
}

// StaticProvider authenticates with a fixed user token.
type StaticProvider struct {
	Token string
}

var _ Provider = (*StaticProvider)(nil)

// AuthorizationHeaderValue implements Provider. It is the one sanctioned
// place that builds a Bearer header value.
func (p *StaticProvider) AuthorizationHeaderValue() string {
	if p == nil || p.Token == "" {
		return ""
	}
	return "Bearer " + p.Token
}

// BearerToken returns the raw user token.
//
// Deprecated: send AuthorizationHeaderValue instead; the scheme is not
// always Bearer.
func (p *StaticProvider) BearerToken() string {
	if p == nil {
		return ""
	}
	return p.Token
}
