// Package forms has root and transitive helpers built in other ways.
package forms

import (
	"errors"
	"net/http"
	"os"
	"strings"
)

const bearerPrefix = "Bearer "

func viaLocal(h http.Header, tok string) { // want viaLocal:`^bearerOnly\(tok\)$`
	authz := "Bearer " + tok
	h.Set("Authorization", authz)
}

func viaJoin(h http.Header, tok string) { // want viaJoin:`^bearerOnly\(tok\)$`
	h.Set("authorization", strings.Join([]string{"Bearer", tok}, " "))
}

func viaConst(tok string) map[string]string { // want viaConst:`^bearerOnly\(tok\)$`
	return map[string]string{"Authorization": bearerPrefix + tok}
}

func withError(tok string) (string, error) { // want withError:`^bearerOnly\(tok\) returnsBearer$`
	if tok == "" {
		return "", errors.New("no token")
	}
	return "Bearer " + tok, nil
}

func bearer(tok string) string { // want bearer:`^bearerOnly\(tok\) returnsBearer$`
	return "Bearer " + tok
}

func trimmed(tok string) string { // want trimmed:`^bearerOnlyVia\(tok\) returnsBearer$`
	t := strings.TrimSpace(tok)
	return bearer(t)
}

type client struct {
	token string
}

func (c *client) header() string { // want header:`^bearerOnlyVia\(\.token\) returnsBearer$`
	return bearer(c.token)
}

func setScheme(h http.Header, scheme, tok string) { // want setScheme:`^writesScheme\(1\)$`
	h.Set("Authorization", scheme+" "+tok)
}

func schemeBearer(h http.Header, tok string) { // want schemeBearer:`^bearerOnly\(tok\)$`
	setScheme(h, "Bearer", tok)
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
