// Package auth is the provider package of the migration tests.
package auth

// Provider hands out the whole Authorization header value.
type Provider interface {
	AuthorizationHeaderValue() string
}

// Static authenticates with a fixed token.
type Static struct {
	Token string
}

// AuthorizationHeaderValue implements Provider.
func (p *Static) AuthorizationHeaderValue() string {
	if p == nil || p.Token == "" {
		return ""
	}
	return "Bearer " + p.Token
}

// BearerToken returns the raw token.
func (p *Static) BearerToken() string { return p.Token }

// FromToken wraps a raw token.
func FromToken(tok string) *Static { return &Static{Token: tok} }
