// Package forms has root and transitive helpers built in other ways.
package forms

import (
	"errors"
	"net/http"
	"os"
	"strings"
)

const bearerPrefix = "Bearer "

func viaLocal(h http.Header, tok string) { // want[bearerdetect] viaLocal:`^bearerOnly\(tok\)$` want[bearerhelper] `^viaLocal is a bearer-only helper: it sends parameter tok `
	authz := "Bearer " + tok
	h.Set("Authorization", authz) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

func viaJoin(h http.Header, tok string) { // want[bearerdetect] viaJoin:`^bearerOnly\(tok\)$` want[bearerhelper] `^viaJoin is a bearer-only helper: it sends parameter tok `
	h.Set("authorization", strings.Join([]string{"Bearer", tok}, " ")) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

func viaConst(tok string) map[string]string { // want[bearerdetect] viaConst:`^bearerOnly\(tok\)$` want[bearerhelper] `^viaConst is a bearer-only helper: it sends parameter tok `
	return map[string]string{"Authorization": bearerPrefix + tok} // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

func withError(tok string) (string, error) { // want[bearerdetect] withError:`^bearerOnly\(tok\) returnsBearer$` want[bearerhelper] `^withError is a bearer-only helper: it sends parameter tok `
	if tok == "" {
		return "", errors.New("no token")
	}
	return "Bearer " + tok, nil
}

func bearer(tok string) string { // want[bearerdetect] bearer:`^bearerOnly\(tok\) returnsBearer$` want[bearerhelper] `^bearer is a bearer-only helper: it sends parameter tok `
	return "Bearer " + tok
}

func trimmed(tok string) string { // want[bearerdetect] trimmed:`^bearerOnlyVia\(tok\) returnsBearer$`
	t := strings.TrimSpace(tok)
	return bearer(t)
}

type client struct {
	token string
}

func (c *client) header() string { // want[bearerdetect] header:`^bearerOnlyVia\(\.token\) returnsBearer$`
	return bearer(c.token)
}

func setScheme(h http.Header, scheme, tok string) { // want[bearerdetect] setScheme:`^writesScheme\(1\)$`
	h.Set("Authorization", scheme+" "+tok)
}

func schemeBearer(h http.Header, tok string) { // want[bearerdetect] schemeBearer:`^bearerOnly\(tok\)$` want[bearerhelper] `^schemeBearer is a bearer-only helper: it sends parameter tok `
	setScheme(h, "Bearer", tok) // want[bearerheader] `^Authorization header is given the Bearer scheme through setScheme; use an AuthProvider's AuthorizationHeaderValue\(\)$`
}

// envToken passes h, which is not in the token position of viaLocal.
func envToken(h http.Header) {
	viaLocal(h, os.Getenv("ACME_TOKEN"))
}

// schemed holds a scheme set from a constructor's parameter: its methods
// are not scheme-parametric (the parameter is not theirs), and nothing
// proves the scheme is Bearer.
type schemed struct{ scheme, tok string }

func newSchemed(scheme, tok string) *schemed { return &schemed{scheme: scheme, tok: tok} }

func (s *schemed) apply(h http.Header) {
	h.Set("Authorization", s.scheme+" "+s.tok)
}
