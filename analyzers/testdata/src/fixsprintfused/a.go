// Package fixsprintfused: fmt stays used after the fix, so it stays imported.
package fixsprintfused

import (
	"fmt"
	"net/http"
)

type Provider struct{ Token string }

func (p Provider) AuthorizationHeaderValue() string { return "Bearer " + p.Token }

func (p Provider) BearerToken() string { return p.Token }

func do(req *http.Request, p Provider, id int) {
	req.Header.Set("X-Request-Id", fmt.Sprint(id))
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

// Two fixable sites: each fix alone leaves fmt used by the other.
func two(a, b http.Header, p Provider) {
	a.Set("Authorization", fmt.Sprintf("Bearer %s", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	b.Set("Authorization", fmt.Sprint("Bearer ", p.BearerToken()))    // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
