// Package auth holds bearer-only helpers that callers in another package
// give their tokens.
package auth

import (
	"net/http"
	"os"
)

type H struct{}

// SetAuth writes its token parameter unchanged.
func (H) SetAuth(req *http.Request, tok string) { // want[bearerhelper] `^H.SetAuth is a bearer-only helper: it sends parameter tok as a Bearer token;`
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme;`
}

// Header returns a bearer value ending with its token parameter.
func (H) Header(tok string) string { return "Bearer " + tok } // want[bearerhelper] `^H.Header is a bearer-only helper: it sends parameter tok as a Bearer token;`

// SetVia writes its token through Header.
func SetVia(req *http.Request, tok string) { // want[bearerhelper] `^SetVia is a bearer-only helper: it sends parameter tok as a Bearer token;`
	req.Header.Set("Authorization", H{}.Header(tok)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme through H.Header;`
}

// FromEnv takes the name of the token, not the token.
func FromEnv(req *http.Request, name string) { // want[bearerhelper] `^FromEnv is a bearer-only helper: it sends parameter name as a Bearer token;`
	req.Header.Set("Authorization", "Bearer "+os.Getenv(name)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme;`
}

// Versioned adds text after the token.
func Versioned(tok string) string { return "Bearer " + tok + ";v=2" } // want[bearerhelper] `^Versioned is a bearer-only helper: it sends parameter tok as a Bearer token;`
