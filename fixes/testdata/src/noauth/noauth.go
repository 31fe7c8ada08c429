// Package noauth has a provider interface but no type to adapt a token.
package noauth

// Provider hands out the whole Authorization header value.
type Provider interface {
	AuthorizationHeaderValue() string
}
