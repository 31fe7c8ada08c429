// Package migmissing sees a provider interface but no token adapter.
package migmissing

import (
	"net/http"

	"noauth"
)

var _ noauth.Provider = nil

func set(h http.Header, tok string) { // want `^set is a bearer-only helper: it sends parameter tok as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found\)$`
	h.Set("Authorization", "Bearer "+tok)
}

// Set sets tok.
func Set(h http.Header, tok string) { set(h, tok) }
