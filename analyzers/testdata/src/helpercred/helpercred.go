package helpercred

import (
	"net/http"

	"helpercred/auth"
)

const key = "sk-live-abc123secret"

// Written by the helper itself.
func writers(req *http.Request, h auth.H, tok string) {
	h.SetAuth(req, "sk-live-abc123secret") // want[bearerheader] `^auth.H.SetAuth is given a hard-coded Bearer credential \(value redacted\); load the credential from an AuthProvider's AuthorizationHeaderValue\(\)$`
	h.SetAuth(req, key)                    // want[bearerheader] `^auth.H.SetAuth is given a hard-coded Bearer credential \(value redacted\);`
	auth.SetVia(req, key)                  // want[bearerheader] `^auth.SetVia is given a hard-coded Bearer credential \(value redacted\);`
	setAuth(req, key)                      // want[bearerheader] `^setAuth is given a hard-coded Bearer credential \(value redacted\);`
	local := "sk-live-abc123secret"
	h.SetAuth(req, local) // want[bearerheader] `^auth.H.SetAuth is given a hard-coded Bearer credential \(value redacted\);`

	// Placeholders, the empty token, variables, and names of tokens are
	// not credentials.
	h.SetAuth(req, "<token>")
	h.SetAuth(req, "YOUR_TOKEN_HERE")
	h.SetAuth(req, "")
	h.SetAuth(req, tok)
	auth.FromEnv(req, "API_TOKEN")
}

// setAuth passes its token on, unchanged, to a helper that writes it.
func setAuth(req *http.Request, tok string) { // transitive: not reported by bearerhelper
	auth.H{}.SetAuth(req, tok)
}

// Returned by the helper and written here: the site is the credential.
func returned(req *http.Request, h auth.H) {
	req.Header.Set("Authorization", h.Header("sk-live-abc123secret")) // want[bearerheader] `^Authorization header hard-codes a Bearer credential \(value redacted\); load the credential from an AuthProvider's AuthorizationHeaderValue\(\)$`
	v := h.Header(key)
	req.Header.Set("Authorization", v)                           // want[bearerheader] `^Authorization header hard-codes a Bearer credential \(value redacted\);`
	req.Header.Set("Authorization", h.Header("<token>"))         // want[bearerheader] `^Authorization header hard-codes the Bearer scheme through auth.H.Header;`
	req.Header.Set("Authorization", auth.Versioned("not-exact")) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme through auth.Versioned;`
}
