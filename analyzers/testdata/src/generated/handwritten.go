package generated

import "net/http"

func handwritten(req *http.Request, tok string) { // want[bearerhelper] `^handwritten is a bearer-only helper: it sends parameter tok as a Bearer token; accept`
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
}
