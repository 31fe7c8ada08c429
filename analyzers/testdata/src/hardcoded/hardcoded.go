package hardcoded

import (
	"fmt"
	"net/http"
)

const staticToken = "Bearer abc123secret"

const secret = "abc123secret"

func literal(h http.Header) {
	h.Set("Authorization", "Bearer abc123secret") // want[bearerheader] `^Authorization header hard-codes a Bearer credential \(value redacted\); load the credential from an AuthProvider's AuthorizationHeaderValue\(\)$`
}

func namedConstant(req *http.Request) {
	req.Header.Set("Authorization", staticToken) // want[bearerheader] `hard-codes a Bearer credential`
}

func constantExpression(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+secret) // want[bearerheader] `hard-codes a Bearer credential`
}

func sprintf(req *http.Request) {
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", secret)) // want[bearerheader] `hard-codes a Bearer credential`
}

func literalMap() map[string]string {
	return map[string]string{"Authorization": "Bearer abc123secret"} // want[bearerheader] `hard-codes a Bearer credential`
}
