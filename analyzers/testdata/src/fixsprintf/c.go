package fixsprintf

import "fmt"

import "net/http"

// fmt alone in its own declaration: the whole declaration goes.
func do3(h http.Header, p Provider) {
	h.Set("Authorization", fmt.Sprintf("Bearer %v", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
