// Package fixguard: the token guard becomes a header-value guard.
package fixguard

import (
	"fmt"
	"net/http"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string {
	if p.token == "" {
		return ""
	}
	return "Bearer " + p.token
}

func (p *Provider) BearerToken() string { return p.token }

func concat(req *http.Request, p *Provider) {
	if tok := p.BearerToken(); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p.AuthorizationHeaderValue\(\)$`
	}
}

func sprintf(req *http.Request, p *Provider) {
	if tok := p.BearerToken(); "" != tok {
		req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", tok)) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	}
}

// authz is taken: the guard uses authz2.
func taken(h http.Header, p *Provider, authz string) {
	h.Set("X-Previous", authz)
	if tok := p.BearerToken(); tok != "" {
		h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	}
}

// tok has another use: no fix.
func otherUse(h http.Header, p *Provider) {
	if tok := p.BearerToken(); tok != "" {
		h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
		h.Set("X-Token-Length", fmt.Sprint(len(tok)))
	}
}

// A field guard, through a local variable in the body.
func field(h http.Header, p *Provider) {
	if tok := p.BearerToken(); tok != "" {
		v := "Bearer " + tok
		h.Set("Authorization", v) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	}
}
