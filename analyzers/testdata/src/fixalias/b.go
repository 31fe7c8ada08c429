package fixalias

import (
	f "fmt"
	"net/http"
)

// The alias stays: it has another use.
func do2(h http.Header, p *Provider) {
	h.Set("Authorization", f.Sprintf("Bearer %s", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	h.Set("X-Trace", f.Sprint(1))
}
