package basic

import "net/http"

func headerSet(h http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

func headerAdd(h http.Header, tok string) {
	h.Add("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func newRequest(tok string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, "https://api.example.com/wham/usage", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	return req, nil
}

func pointerHeader(h *http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

// Not an authorization sink, or not a bearer value.
func notReported(h http.Header, req *http.Request, tok string) {
	h.Set("X-Api-Key", "Bearer "+tok)
	h.Set("Authorization", tok)
	req.Header.Set("Accept", "application/json")
	_ = h.Get("Authorization")
	h.Del("Authorization")
}
