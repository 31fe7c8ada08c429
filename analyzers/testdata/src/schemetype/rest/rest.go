// Package rest is an SDK-style request package: the scheme is a typed
// constant whose Apply method formats "scheme token", passed by callers
// into a generic option that writes the header.
package rest

import (
	"fmt"
	"net/http"
)

// TokenType is an authorization scheme.
type TokenType string

// The schemes.
const (
	TokenTypeBearer TokenType = "Bearer"
	TokenTypeBot    TokenType = "Bot"
)

// Apply formats the Authorization value of token with the scheme t.
func (t TokenType) Apply(token string) string { // want[bearerdetect] Apply:`^returnsScheme\(receiver\)$`
	return fmt.Sprintf("%s %s", t, token)
}

// RequestOpt changes a request.
type RequestOpt func(*http.Request)

// WithHeader sets a header.
func WithHeader(key, value string) RequestOpt {
	return func(r *http.Request) { r.Header.Set(key, value) }
}

// WithToken sets the Authorization header to the token with its scheme.
func WithToken(tokenType TokenType, token string) RequestOpt { // want[bearerdetect] WithToken:`^writesScheme\(0\)$`
	return WithHeader("Authorization", tokenType.Apply(token))
}
