package concat

import "net/http"

func chains(h http.Header, tok, suffix string) {
	h.Set("Authorization", "Bearer "+tok+suffix)   // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", ("Bearer "+tok)+suffix) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", "Bearer "+suffix+tok)   // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", "Bearer"+" "+tok+"")    // want[bearerheader] `hard-codes the Bearer scheme`
}

type token string

func conversion(h http.Header, tok token) {
	h.Set("Authorization", string("Bearer "+tok)) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", "Bearer "+string(tok)) // want[bearerheader] `hard-codes the Bearer scheme`
}

func notReported(h http.Header, tok, scheme string) {
	h.Set("Authorization", tok+" Bearer")
	h.Set("Authorization", scheme+" "+tok)
	h.Set("Authorization", "Basic "+tok)
	h.Set("Authorization", "X-Bearer "+tok)
}
