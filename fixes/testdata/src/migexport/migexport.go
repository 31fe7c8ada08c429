// Package migexport: an exported helper keeps a deprecated wrapper; its
// callers in the package move to the new function (configured adapter
// auth.FromToken).
package migexport

import (
	"net/http"

	"auth"
)

// Header formats a raw token.
func Header(tok string) string { // want `^Header is a bearer-only helper`
	return "Bearer " + tok
}

// Send sets the header from the provider's token.
func Send(h http.Header, p *auth.Static) {
	h.Set("Authorization", Header(p.BearerToken()))
}

// Client is a client with a token parameter on a method.
type Client struct{ h http.Header }

// Do sends tok.
func (c *Client) Do(path, tok string) { // want `^Client.Do is a bearer-only helper`
	c.h.Set("Authorization", "Bearer "+tok)
}
