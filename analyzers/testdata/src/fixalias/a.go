// Package fixalias: fmt imported under another name.
package fixalias

import (
	"net/http"

	format "fmt"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

func do(h http.Header, p *Provider) {
	h.Set("Authorization", format.Sprintf("Bearer %s", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
