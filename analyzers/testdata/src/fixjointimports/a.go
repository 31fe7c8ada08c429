// Package fixjointimports: fmt is used only by two fixable sites. Each fix
// alone would leave it used by the other; applied together they must not
// leave it unused. The fix of each site rewrites both and removes fmt.
package fixjointimports

import (
	"fmt"
	"net/http"
)

type Provider struct{ Token string }

func (p Provider) AuthorizationHeaderValue() string { return "Bearer " + p.Token }

func (p Provider) BearerToken() string { return p.Token }

func two(a, b http.Header, p Provider) {
	a.Set("Authorization", fmt.Sprintf("Bearer %s", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	b.Set("Authorization", fmt.Sprint("Bearer ", p.BearerToken()))    // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
