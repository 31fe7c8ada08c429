// Package oauth2 is a stub of golang.org/x/oauth2 for the tests.
package oauth2

import "net/http"

// Token is an OAuth 2 token.
type Token struct {
	AccessToken string
	TokenType   string
}

// Type returns the token type, "Bearer" by default.
func (t *Token) Type() string {
	if t.TokenType != "" {
		return t.TokenType
	}
	return "Bearer"
}

// SetAuthHeader sets the Authorization header of r to the token.
func (t *Token) SetAuthHeader(r *http.Request) {
	r.Header.Set("Authorization", t.Type()+" "+t.AccessToken)
}
