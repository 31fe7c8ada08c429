package constants

import "net/http"

const (
	scheme     = "Bearer "
	lowScheme  = "bearer "
	splitPre   = "Bear" + "er "
	authKey    = "Authorization"
	lowerKey   = "authorization"
	tabScheme  = "Bearer\t"
	notBearer  = "BearerToken "
	otherKey   = "X-Authorization"
	authKeyExp = "Author" + "ization"
)

type headerName string

const typedKey headerName = "Authorization"

func namedConstants(h http.Header, tok string) {
	h.Set("Authorization", scheme+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", lowScheme+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", tabScheme+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func constantExpressions(h http.Header, tok string) {
	h.Set("Authorization", splitPre+tok)        // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", "Bear"+"er "+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", "Bearer"+" "+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Author"+"ization", "Bearer "+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set(authKeyExp, "Bearer "+tok)            // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set(string(typedKey), string(scheme)+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func caseInsensitiveKey(h http.Header, tok string) {
	h.Set("authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("AUTHORIZATION", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set(lowerKey, "Bearer "+tok)        // want[bearerheader] `hard-codes the Bearer scheme`
}

func keyConstant(h http.Header, tok string) {
	h.Set(authKey, "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Add(authKey, scheme+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
}

func notReported(h http.Header, tok string) {
	h.Set("Authorization", notBearer+tok)
	h.Set("Authorization", "Bearertoken"+tok)
	h.Set(otherKey, scheme+tok)
}
