// Package b calls a's helper through its own unexported helpers.
package b

import (
	"net/http"

	"migcross/a"
)

func send(h http.Header, tok string) { // want `^send is a bearer-only helper: it sends parameter tok as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\) \(no fix: a.Header migrates in its own package; this call then goes through its deprecated wrapper\)$`
	h.Set("Authorization", a.Header(tok))
}

func relay(h http.Header, tok string) { send(h, tok) }

// Do sends tok.
func Do(h http.Header, tok string) { relay(h, tok) }
