package masks

import (
	"fmt"
	"net/http"
	"os"
)

// A redaction table for logs: never a site.
var redactions = map[string]string{
	"Authorization": "Bearer ****",
}

func masked(h http.Header, tok string) {
	h.Set("Authorization", "Bearer ****")
	h.Set("Authorization", "Bearer REDACTED")
	h.Set("Authorization", "Bearer <redacted>")
	h.Set("Authorization", "Bearer [REDACTED]")
	h.Set("Authorization", "Bearer xxxxx")
	h.Set("Authorization", "Bearer ****"+tok[len(tok)-4:])
	h.Set("authorization", fmt.Sprintf("Bearer ***%s", tok[len(tok)-4:]))
}

func placeholders(h http.Header) {
	h.Set("Authorization", "Bearer <token>")           // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
	h.Set("Authorization", "Bearer YOUR_TOKEN_HERE")   // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	h.Set("Authorization", "Bearer ${API_TOKEN}")      // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	h.Set("Authorization", "Bearer {{ .Token }}")      // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	h.Set("Authorization", "Bearer your-access-token") // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
}

func credentials(h http.Header) {
	h.Set("Authorization", "Bearer sk-live-abc123")               // want[bearerheader] `hard-codes a Bearer credential`
	h.Set("Authorization", "Bearer xoxb-1234-abcd")               // want[bearerheader] `hard-codes a Bearer credential`
	h.Set("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig") // want[bearerheader] `hard-codes a Bearer credential`
}

// A mask-like prefix followed by a whole token sends the token: a site.
func maskLikePrefix(h http.Header) {
	tok := os.Getenv("TOKEN")
	h.Set("Authorization", "Bearer xxx"+tok)                  // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	h.Set("Authorization", "Bearer ***"+tok)                  // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	h.Set("Authorization", fmt.Sprintf("Bearer ****%s", tok)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
}
