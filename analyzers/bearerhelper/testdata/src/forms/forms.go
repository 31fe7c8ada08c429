// Package forms has root and transitive helpers built in other ways.
package forms

import (
	"errors"
	"net/http"
	"os"
	"strings"
)

const bearerPrefix = "Bearer "

func viaLocal(h http.Header, tok string) { // want `^viaLocal is a bearer-only helper: it sends parameter tok `
	authz := "Bearer " + tok
	h.Set("Authorization", authz)
}

func viaJoin(h http.Header, tok string) { // want `^viaJoin is a bearer-only helper: it sends parameter tok `
	h.Set("authorization", strings.Join([]string{"Bearer", tok}, " "))
}

func viaConst(tok string) map[string]string { // want `^viaConst is a bearer-only helper: it sends parameter tok `
	return map[string]string{"Authorization": bearerPrefix + tok}
}

func withError(tok string) (string, error) { // want `^withError is a bearer-only helper: it sends parameter tok `
	if tok == "" {
		return "", errors.New("no token")
	}
	return "Bearer " + tok, nil
}

func bearer(tok string) string { // want `^bearer is a bearer-only helper: it sends parameter tok `
	return "Bearer " + tok
}

func trimmed(tok string) string {
	t := strings.TrimSpace(tok)
	return bearer(t)
}

type client struct {
	token string
}

func (c *client) header() string {
	return bearer(c.token)
}

func setScheme(h http.Header, scheme, tok string) {
	h.Set("Authorization", scheme+" "+tok)
}

func schemeBearer(h http.Header, tok string) { // want `^schemeBearer is a bearer-only helper: it sends parameter tok `
	setScheme(h, "Bearer", tok)
}

// envToken passes h, which is not in the token position of viaLocal.
func envToken(h http.Header) {
	viaLocal(h, os.Getenv("ACME_TOKEN"))
}
