// Package oauth2 is a stub of golang.org/x/oauth2 with the real signatures.
package oauth2

import "net/http"

// Token represents the credentials used to authorize the requests.
type Token struct {
	AccessToken string
	TokenType   string
}

// Type returns t.TokenType if non-empty, else "Bearer".
func (t *Token) Type() string {
	if t.TokenType != "" {
		return t.TokenType
	}
	return "Bearer"
}

// SetAuthHeader sets the Authorization header to r using the access token in t.
func (t *Token) SetAuthHeader(r *http.Request) {
	r.Header.Set("Authorization", t.Type()+" "+t.AccessToken)
}
