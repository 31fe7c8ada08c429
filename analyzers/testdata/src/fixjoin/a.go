// Package fixjoin: strings.Join; strings has no other use.
package fixjoin

import (
	"net/http"
	"strings"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

func do(h http.Header, p *Provider) {
	h.Set("Authorization", strings.Join([]string{"Bearer", p.BearerToken()}, " ")) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p.AuthorizationHeaderValue\(\)$`
}
