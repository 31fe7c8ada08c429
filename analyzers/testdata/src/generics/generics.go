// Package generics has helpers with type parameters.
package generics

import "net/http"

// Client is generic; facts are on the origin methods.
type Client[T any] struct {
	token string
}

func (c *Client[T]) authorize(req *http.Request) { // want[bearerdetect] authorize:`^bearerOnly\(\.token\)$` want[bearerhelper] `^Client\.authorize is a bearer-only helper: it sends field c\.token `
	req.Header.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// Get is bearer-only through authorize.
func (c *Client[T]) Get(req *http.Request) { // want[bearerdetect] Get:`^bearerOnlyVia\(\.token\)$`
	c.authorize(req)
}

func setAuth[S ~string](h http.Header, tok S) { // want[bearerdetect] setAuth:`^bearerOnly\(tok\)$` want[bearerhelper] `^setAuth is a bearer-only helper: it sends parameter tok `
	h.Set("Authorization", "Bearer "+string(tok)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// Use calls an inferred instantiation.
func Use(h http.Header, tok string) { // want[bearerdetect] Use:`^bearerOnlyVia\(tok\)$`
	setAuth(h, tok)
}

// UseClient calls a method of an instantiated type.
func UseClient(c *Client[int], req *http.Request) { // want[bearerdetect] UseClient:`^bearerOnlyVia\(c\.token\)$`
	c.Get(req)
}

// getWith is a generic GET helper that sets the header itself from a
// field of its client parameter.
func getWith[T any](c *Client[T], req *http.Request) { // want[bearerhelper] `^getWith is a bearer-only helper: it sends field c\.token as a Bearer token` want[bearerdetect] getWith:`^bearerOnly\(c\.token\)$`
	req.Header.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}
