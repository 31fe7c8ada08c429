// Package mockserver is a fake backend for local development.
package mockserver

import (
	"log"
	"net/http"
	"strings"
)

// Handler accepts requests that carry token.
func Handler(token string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if tok != token {
			log.Printf("mockserver: rejected Bearer token for %s", r.URL.Path)
			w.Header().Set("WWW-Authenticate", `Bearer realm="acme", error="invalid_token"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{}`))
	})
}
