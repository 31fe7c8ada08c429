package testsinclude

import "net/http"

func newRequest(req *http.Request, tok string) {
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}
