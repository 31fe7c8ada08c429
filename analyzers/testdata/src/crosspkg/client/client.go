package client

import (
	"fmt"
	"net/http"

	"crosspkg/auth"
)

func helperAcrossPackages(req *http.Request, tok string) {
	req.Header.Set("Authorization", auth.Bearer(tok)) // want[bearerheader] `hard-codes the Bearer scheme through auth\.Bearer`
}

func transitiveHelper(req *http.Request, tok string) {
	req.Header.Set("Authorization", auth.BearerFor(tok)) // want[bearerheader] `hard-codes the Bearer scheme through auth\.BearerFor`
}

func helperThroughLocal(req *http.Request, tok string) {
	v := auth.Bearer(tok)
	req.Header.Set("Authorization", v) // want[bearerheader] `hard-codes the Bearer scheme through auth\.Bearer`
}

// makeAuthHeader is scheme-parametric: it writes scheme+" "+tok.
func makeAuthHeader(scheme, tok string) http.Header {
	h := http.Header{}
	h.Set("Authorization", scheme+" "+tok)
	return h
}

// makeAuthHeaderf is scheme-parametric through fmt.Sprintf.
func makeAuthHeaderf(req *http.Request, scheme, tok string) {
	req.Header.Set("Authorization", fmt.Sprintf("%s %s", scheme, tok))
}

func schemeParametric(req *http.Request, tok string) http.Header {
	makeAuthHeaderf(req, "Bearer", tok)  // want[bearerheader] `given the Bearer scheme through makeAuthHeaderf`
	return makeAuthHeader("Bearer", tok) // want[bearerheader] `given the Bearer scheme through makeAuthHeader`
}

func schemeParametricAcrossPackages(req *http.Request, tok string) {
	auth.SetAuthorization(req.Header, "Bearer", tok) // want[bearerheader] `given the Bearer scheme through auth\.SetAuthorization`
}

// authHeader returns the header key and value together.
func authHeader(tok string) (string, string) {
	return "Authorization", "Bearer " + tok
}

func keyAndValueTuple(req *http.Request, tok string) {
	req.Header.Set(authHeader(tok)) // want[bearerheader] `hard-codes the Bearer scheme through authHeader`
}

func keyAndValueLocals(req *http.Request, tok string) {
	k, v := authHeader(tok)
	req.Header.Set(k, v) // want[bearerheader] `hard-codes the Bearer scheme through authHeader`
}

func notReported(req *http.Request, user, pass string) http.Header {
	makeAuthHeaderf(req, "Basic", user+":"+pass)
	auth.SetAuthorization(req.Header, "Token", pass)
	return makeAuthHeader("Basic", user+":"+pass)
}

const tokenTypeBearer = "Bearer"

func schemeValue(scheme, tok string) string { return fmt.Sprintf("%s %s", scheme, tok) }

func schemeResult(req *http.Request, tok string) {
	req.Header.Set("Authorization", schemeValue(tokenTypeBearer, tok)) // want[bearerheader] `^Authorization header is given the Bearer scheme through schemeValue; use an AuthProvider's AuthorizationHeaderValue\(\)$`
	req.Header.Set("Authorization", auth.Value("Bearer", tok))         // want[bearerheader] `through auth\.Value;`
	req.Header.Set("Authorization", auth.Value("Basic", tok))
}
