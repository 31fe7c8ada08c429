// Package migcred: after the migration, a constant handed to the token
// adapter, directly or through a deprecated wrapper, is still a hard-coded
// credential (and gets no fix).
package migcred

import (
	"net/http"

	"auth"
)

// Dial is a migrated wrapper: its token goes to the adapter.
func Dial(h http.Header, tok string) { DialWithAuth(h, auth.FromToken(tok)) }

// DialWithAuth sends p's header value.
func DialWithAuth(h http.Header, p auth.Provider) {
	h.Set("Authorization", p.AuthorizationHeaderValue())
}

// Dev passes a pasted key through the wrapper.
func Dev(h http.Header) {
	Dial(h, "sk-live-0123456789abcdef") // want `^Dial is given a hard-coded Bearer credential \(value redacted\); load the credential from an AuthProvider's AuthorizationHeaderValue\(\)$`
}

// Dev2 hands a pasted key to the adapter itself.
func Dev2(h http.Header) {
	DialWithAuth(h, auth.FromToken("sk-live-0123456789abcdef")) // want `^auth.FromToken is given a hard-coded Bearer credential \(value redacted\)`
}

// Env is fine: the token comes from the environment.
func Env(h http.Header, env func(string) string) {
	Dial(h, env("TOKEN"))
}
