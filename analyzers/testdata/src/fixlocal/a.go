// Package fixlocal: the bearer value is built in a local variable.
package fixlocal

import (
	"fmt"
	"net/http"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

func define(h http.Header, p *Provider) {
	authz := "Bearer " + p.BearerToken()
	h.Set("Authorization", authz) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func varDecl(req *http.Request, p *Provider) {
	var v = fmt.Sprintf("Bearer %s", p.BearerToken())
	req.Header["Authorization"] = []string{v} // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

// Two sinks share one variable: one fix, on the first diagnostic.
func twoSinks(a, b http.Header, p *Provider) {
	authz := "Bearer " + p.BearerToken()
	a.Set("Authorization", authz) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	b.Set("Authorization", authz) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

// Assigned twice: no fix.
func reassigned(h http.Header, p *Provider, q *Provider) {
	authz := "Bearer " + p.BearerToken()
	if q != nil {
		authz = "Bearer " + q.BearerToken()
	}
	h.Set("Authorization", authz) // want[bearerheader] `hard-codes the Bearer scheme`
}
