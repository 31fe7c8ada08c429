// Package creds has an AuthProvider with an exported token field.
package creds

// Static authenticates with a fixed token.
type Static struct {
	Token string
}

// AuthorizationHeaderValue reads Token: a token read from Token comes from the provider.
func (p *Static) AuthorizationHeaderValue() (string, error) { // want[bearerdetect] AuthorizationHeaderValue:`^provider\(Token\)$`
	return "Bearer " + p.Token, nil
}

// TokenSource is an AuthProvider interface with a token accessor.
type TokenSource interface {
	AuthorizationHeaderValue() string
	BearerToken() string
}
