// Package flow: recursive and mutually recursive helpers, and interface
// methods all of whose implementations return bearer values.
package flow

import (
	"net/http"
	"strings"

	"flow/auth"
)

// A recursive helper.
func bearer(tok string, depth int) string { // want[bearerhelper] `^bearer is a bearer-only helper: it sends parameter tok as a Bearer token`
	if depth > 0 {
		return bearer(strings.TrimSpace(tok), depth-1)
	}
	return "Bearer " + tok
}

// Mutually recursive helpers.
func even(tok string, n int) string { // want[bearerhelper] `^even is a bearer-only helper: it sends parameter tok as a Bearer token`
	if n == 0 {
		return "Bearer " + tok
	}
	return odd(tok, n-1)
}

func odd(tok string, n int) string { // want[bearerhelper] `^odd is a bearer-only helper: it sends parameter tok as a Bearer token`
	if n == 0 {
		return "Bearer " + tok
	}
	return even(tok, n-1)
}

// Recursion that never returns a bearer value.
func loop(tok string, n int) string {
	if n == 0 {
		return tok
	}
	return loop(tok, n-1)
}

func use(h http.Header, tok string) { // want[bearerhelper] `^use is a bearer-only helper`
	h.Set("Authorization", bearer(tok, 2)) // want[bearerheader] `hard-codes the Bearer scheme through bearer`
	h.Set("Authorization", odd(tok, 3))    // want[bearerheader] `hard-codes the Bearer scheme through odd`
	h.Set("Authorization", loop(tok, 3))
}

func viaInterface(h http.Header, a auth.Authenticator, s auth.Signer) { // want[bearerhelper] `^viaInterface is a bearer-only helper: it sends parameter a as a Bearer token`
	h.Set("Authorization", a.Header()) // want[bearerheader] `hard-codes the Bearer scheme through auth.Authenticator.Header`
	h.Set("Authorization", s.Value())
}
