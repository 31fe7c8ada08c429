// Package allowed is analysed with allow: [allowed.Static.Header,
// allowed.legacyFunc, allowed/legacy/...].
package allowed

import "net/http"

type Static struct{ token string }

// Header is on the allow list: exempt.
func (s *Static) Header(h http.Header) {
	h.Set("Authorization", "Bearer "+s.token)
}

// Other is not.
func (s *Static) Other(h http.Header) {
	h.Set("Authorization", "Bearer "+s.token) // want[bearerheader] `hard-codes the Bearer scheme`
}

func legacyFunc(h http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok)
}

func modernFunc(h http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

var defaults = map[string]string{"Authorization": "Bearer " + "static-token"} // want[bearerheader] `hard-codes a Bearer credential`
