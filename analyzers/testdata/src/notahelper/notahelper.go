// Package notahelper has functions that are not bearer-only helpers.
package notahelper

import (
	"log"
	"net/http"
	"os"
	"strings"

	"creds"
)

// Provider is an AuthProvider.
type Provider struct {
	token string
}

// AuthorizationHeaderValue is exempt: the sanctioned place to build Bearer.
func (p *Provider) AuthorizationHeaderValue() string { // want[bearerdetect] AuthorizationHeaderValue:`^provider\(token\)$`
	return "Bearer " + p.token
}

// BearerToken is the token accessor.
func (p *Provider) BearerToken() string {
	return p.token
}

// ViaAccessor holds a provider: only its body is wrong (bearerheader).
func ViaAccessor(req *http.Request, p *Provider) {
	req.Header.Set("Authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p\.AuthorizationHeaderValue\(\)$`
}

// ViaField reads the field the provider method reads.
func ViaField(req *http.Request, p *Provider) {
	req.Header.Set("Authorization", "Bearer "+p.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p\.AuthorizationHeaderValue\(\)$`
}

// BearerFromEnv says bearer but writes no header.
func BearerFromEnv() string {
	return os.Getenv("ACME_TOKEN")
}

// LogBearer says bearer; a log line is never a sink.
func LogBearer(tok string) {
	log.Printf("Bearer %s", tok)
}

// HasBearer reads a header.
func HasBearer(h http.Header) bool {
	return strings.HasPrefix(h.Get("Authorization"), "Bearer ")
}

// EnvToken takes its token from the environment, not a parameter.
func EnvToken(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+os.Getenv("ACME_TOKEN")) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found\)$`
}

// ViaInterface takes the token from an AuthProvider interface's accessor.
func ViaInterface(h http.Header, p creds.TokenSource) {
	h.Set("Authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p\.AuthorizationHeaderValue\(\)$`
}

// ViaForeignField reads the field that another package's provider method reads.
func ViaForeignField(h http.Header, p *creds.Static) {
	h.Set("Authorization", "Bearer "+p.Token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p\.AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found\)$`
}

var proxyToken = os.Getenv("PROXY_TOKEN")

// ProxyRequest reads a package variable: not a parameter, not a field.
func ProxyRequest(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+proxyToken) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found\)$`
}

func bearer(tok string) string { // want[bearerdetect] bearer:`^bearerOnly\(tok\) returnsBearer$` want[bearerhelper] `^bearer is a bearer-only helper: it sends parameter tok `
	return "Bearer " + tok
}

// Fixed passes a constant: it returns a bearer value but takes no token.
func Fixed() string { // want[bearerdetect] Fixed:`^returnsBearer$`
	return bearer("sk-test-0000")
}
