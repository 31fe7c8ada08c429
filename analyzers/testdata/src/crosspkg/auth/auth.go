// Package auth holds helpers that build bearer values for other packages.
package auth

import "net/http"

// Bearer returns the Authorization header value for tok.
func Bearer(tok string) string { return "Bearer " + tok }

// SetAuthorization writes scheme and token to the Authorization header.
func SetAuthorization(h http.Header, scheme, tok string) {
	h.Set("Authorization", scheme+" "+tok)
}

// BearerFor is bearer-only through Bearer.
func BearerFor(tok string) string { return Bearer(tok) }

// Value returns scheme and token as a header value: scheme-parametric,
// by its result.
func Value(scheme, tok string) string { return scheme + " " + tok }
