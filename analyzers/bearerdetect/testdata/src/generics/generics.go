// Package generics has helpers with type parameters.
package generics

import "net/http"

// Client is generic; facts are on the origin methods.
type Client[T any] struct {
	token string
}

func (c *Client[T]) authorize(req *http.Request) { // want authorize:`^bearerOnly\(\.token\)$`
	req.Header.Set("Authorization", "Bearer "+c.token)
}

// Get is bearer-only through authorize.
func (c *Client[T]) Get(req *http.Request) { // want Get:`^bearerOnlyVia\((receiver|\.token)\)$`
	c.authorize(req)
}

func setAuth[S ~string](h http.Header, tok S) { // want setAuth:`^bearerOnly\(tok\)$`
	h.Set("Authorization", "Bearer "+string(tok))
}

// Use calls an inferred instantiation.
func Use(h http.Header, tok string) { // want Use:`^bearerOnlyVia\(tok\)$`
	setAuth(h, tok)
}

// UseClient calls a method of an instantiated type.
func UseClient(c *Client[int], req *http.Request) { // want UseClient:`^bearerOnlyVia\(c\)$`
	c.Get(req)
}
