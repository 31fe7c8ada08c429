package generatedskip

import "net/http"

func handwritten(req *http.Request, tok string) {
	req.Header.Set("Authorization", Header(tok)) // want[bearerheader] `hard-codes the Bearer scheme through Header`
}
