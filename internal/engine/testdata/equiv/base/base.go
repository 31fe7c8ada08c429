// Package base is imported by mid, which top imports: the base package
// of the engine's equivalence test (TestEquivalence edits it).
package base

import (
	"net/http"
	"strings"
)

// Scheme is a constant.
const Scheme = "Bearer"

// Default is a variable.
var Default = &Client{}

var count int

// Client has a field and methods.
type Client struct {
	Header http.Header
	token  string
}

// Bearer builds a bearer header value.
func Bearer(tok string) string {
	return Scheme + " " + tok
}

// Set hard-codes the scheme.
func (c *Client) Set(r *http.Request) {
	r.Header.Set("Authorization", "Bearer "+c.token)
}

func (c *Client) reset() { c.token = strings.TrimSpace("") }

type options struct{ retries int }

func (o *options) Retries() int { return o.retries }

// Options returns an unexported type: it is part of the API.
func Options() *options {
	count++
	return &options{retries: 1} // body
}

type hidden struct{ n int }

func (h hidden) N() int { return h.n }

func helper() int { return hidden{}.N() }
