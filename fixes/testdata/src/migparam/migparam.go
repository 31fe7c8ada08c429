// Package migparam: a token passed through locals and unexported
// functions, wrapped where it enters (the adapter is discovered).
package migparam

import (
	"fmt"
	"net/http"
	"os"

	"auth"
)

var _ auth.Provider = nil

func setAuth(h http.Header, tok string) { // want `^setAuth is a bearer-only helper`
	v := tok
	h.Set("Authorization", fmt.Sprintf("Bearer %s", v))
}

func prepare(h http.Header, token string) {
	h.Set("Accept", "application/json")
	setAuth(h, token)
}

// Run sends the token from the environment.
func Run(h http.Header) {
	prepare(h, os.Getenv("TOKEN"))
}

// Check keeps the empty-token guard of its helper.
func optional(h http.Header, tok string) { // want `^optional is a bearer-only helper`
	if tok != "" {
		h.Set("Authorization", "Bearer "+tok)
	}
}

// Optional sends the token if there is one.
func Optional(h http.Header, tok string) {
	optional(h, tok+"")
}
