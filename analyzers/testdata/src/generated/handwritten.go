package generated

import "net/http"

func handwritten(req *http.Request, tok string) {
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}
