// Package closures has helpers whose sink is inside a function literal.
package closures

import "net/http"

func withAuth(tok string) func(*http.Request) { // want[bearerdetect] withAuth:`^bearerOnly\(tok\)$` want[bearerhelper] `^withAuth is a bearer-only helper: it sends parameter tok `
	return func(req *http.Request) {
		req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
	}
}

type client struct {
	token string
}

func (c *client) sendAll(reqs []*http.Request) { // want[bearerdetect] sendAll:`^bearerOnly\(\.token\)$` want[bearerhelper] `^client\.sendAll is a bearer-only helper: it sends field c\.token `
	set := func(r *http.Request) {
		r.Header.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
	}
	for _, r := range reqs {
		set(r)
	}
}
