// Package coreauth holds the credentials of the signed-in user.
package coreauth

// AuthProvider yields the whole Authorization header value, scheme
// included ("Bearer …" for the user, "AgentAssertion …" for agent tasks).
type AuthProvider interface {
	AuthorizationHeaderValue() string
}

// CoreAuthProvider authenticates as the signed-in user.
type CoreAuthProvider struct {
	token string
}

// FromBearerToken wraps the user's raw bearer token.
func FromBearerToken(token string) *CoreAuthProvider {
	return &CoreAuthProvider{token: token}
}

// BearerToken returns the raw token.
//
// Deprecated: send AuthorizationHeaderValue; agent tasks use another scheme.
func (p *CoreAuthProvider) BearerToken() string {
	if p == nil {
		return ""
	}
	return p.token
}

// AuthorizationHeaderValue implements AuthProvider; it is empty when there
// is no token.
func (p *CoreAuthProvider) AuthorizationHeaderValue() string {
	if p == nil || p.token == "" {
		return ""
	}
	return "Bearer " + p.token
}
