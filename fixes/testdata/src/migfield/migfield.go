// Package migfield: an unexported field on the path becomes a provider
// field; a field with another use stays a string, read through the
// adapter.
package migfield

import (
	"log"
	"net/http"

	"auth"
)

// Client sends its token on every request.
type Client struct {
	base  string
	token string
	creds *auth.Static
}

// New returns a client; its token enters here.
func New(base, token string) *Client {
	if token == "" {
		log.Print("no token")
	}
	return &Client{base: base, token: token}
}

// Renew replaces the token.
func (c *Client) Renew(tok string) { c.token = tok }

func (c *Client) newRequest(path string) (*http.Request, error) { // want `^Client.newRequest is a bearer-only helper`
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return req, nil
}

// Logger logs its token too: the field stays a string, and the header
// is set through the adapter over its read.
type Logger struct {
	token string
}

func (l *Logger) header(h http.Header) { // want `^Logger.header is a bearer-only helper: it sends field l.token as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\)$`
	h.Set("Authorization", "Bearer "+l.token)
	log.Printf("token %s", l.token)
}

// Use keeps Logger and its helper used.
func Use(l *Logger, h http.Header) { l.header(h) }
