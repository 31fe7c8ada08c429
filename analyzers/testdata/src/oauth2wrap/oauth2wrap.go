// Package oauth2wrap wraps the bearer-by-API (*oauth2.Token).SetAuthHeader.
package oauth2wrap

import (
	"net/http"

	"golang.org/x/oauth2"
)

// SetToken is a bearer-by-API call wrapper.
func SetToken(req *http.Request, tok *oauth2.Token) { // want[bearerdetect] SetToken:`^bearerOnly\(tok\)$` want[bearerhelper] `^SetToken is a bearer-only helper: it sends parameter tok `
	tok.SetAuthHeader(req) // want[bearerheader] `^oauth2\.Token\.SetAuthHeader sets a Bearer Authorization header; use an AuthProvider's AuthorizationHeaderValue\(\)$`
}

func setAccess(req *http.Request, access string) { // want[bearerdetect] setAccess:`^bearerOnly\(access\)$` want[bearerhelper] `^setAccess is a bearer-only helper: it sends parameter access `
	t := &oauth2.Token{AccessToken: access}
	t.SetAuthHeader(req) // want[bearerheader] `^oauth2\.Token\.SetAuthHeader sets a Bearer Authorization header; use an AuthProvider's AuthorizationHeaderValue\(\)$`
}
