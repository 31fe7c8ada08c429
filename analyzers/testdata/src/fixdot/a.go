// Package fixdot: fmt and strings dot-imported.
package fixdot

import (
	. "fmt"
	"net/http"
	. "strings"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

func do(h http.Header, p *Provider) {
	h.Set("Authorization", Sprintf("Bearer %s", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func join(h http.Header, p *Provider) {
	h.Set("Authorization", Join([]string{"Bearer", p.BearerToken()}, " ")) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	h.Set("X-Lower", ToLower("A"))
}
