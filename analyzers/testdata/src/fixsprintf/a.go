// Package fixsprintf: fmt.Sprintf forms; fmt has no other use, so the
// fix that removes its last use also removes the import.
package fixsprintf

import (
	"fmt"
	"net/http"
)

type Provider interface {
	AuthorizationHeaderValue() string
	BearerToken() string
}

func do(req *http.Request, p Provider) {
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", p.BearerToken())) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p.AuthorizationHeaderValue\(\)$`
}
