// Package fixcomments: comments inside a replaced value stay, in order.
package fixcomments

import "net/http"

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

func block(h http.Header, p *Provider) {
	h.Set("Authorization", "Bearer " /* why */ +p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func line(h http.Header, p *Provider) {
	h.Set("Authorization", "Bearer "+ // the legacy scheme // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
		p.BearerToken())
}

func two(h http.Header, p *Provider) {
	h.Set("Authorization" /* a */, "Bearer " /* b */ + /* c */ p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func guard(h http.Header, p *Provider) {
	if tok := p.BearerToken(); tok != "" {
		h.Set("Authorization", "Bearer " /* keep */ +tok) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	}
}
