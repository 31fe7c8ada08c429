// Package oauth2wrap wraps the bearer-by-API (*oauth2.Token).SetAuthHeader.
package oauth2wrap

import (
	"net/http"

	"golang.org/x/oauth2"
)

// SetToken is a bearer-by-API call wrapper.
func SetToken(req *http.Request, tok *oauth2.Token) { // want SetToken:`^bearerOnly\(tok\)$`
	tok.SetAuthHeader(req)
}

func setAccess(req *http.Request, access string) { // want setAccess:`^bearerOnly\(access\)$`
	t := &oauth2.Token{AccessToken: access}
	t.SetAuthHeader(req)
}
