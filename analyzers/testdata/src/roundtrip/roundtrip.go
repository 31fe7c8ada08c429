// Package roundtrip has transports that set the header from their fields.
package roundtrip

import (
	"fmt"
	"net/http"
)

type transport struct {
	token string
	base  http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) { // want[bearerdetect] RoundTrip:`^bearerOnly\(\.token\)$` want[bearerhelper] `^transport\.RoundTrip is a bearer-only helper: it sends field t\.token `
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", "Bearer "+t.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
	return t.base.RoundTrip(r)
}

type valueTransport struct {
	tok string
}

func (t valueTransport) RoundTrip(req *http.Request) (*http.Response, error) { // want[bearerdetect] RoundTrip:`^bearerOnly\(\.tok\)$` want[bearerhelper] `^valueTransport\.RoundTrip is a bearer-only helper: it sends field t\.tok `
	req.Header.Add("Authorization", fmt.Sprintf("Bearer %s", t.tok)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
	return http.DefaultTransport.RoundTrip(req)
}
