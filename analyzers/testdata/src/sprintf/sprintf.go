package sprintf

import (
	"fmt"
	"net/http"
)

func sprintf(h http.Header, tok string) {
	h.Set("Authorization", fmt.Sprintf("Bearer %s", tok)) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", fmt.Sprintf("Bearer %v", tok)) // want[bearerheader] `hard-codes the Bearer scheme`
}

func sprint(h http.Header, tok string) {
	h.Set("Authorization", fmt.Sprint("Bearer ", tok)) // want[bearerheader] `hard-codes the Bearer scheme`
}

func appendf(h http.Header, tok string) {
	h.Set("Authorization", string(fmt.Appendf(nil, "Bearer %s", tok))) // want[bearerheader] `hard-codes the Bearer scheme`
}

func schemeArgument(h http.Header, tok string) {
	h.Set("Authorization", fmt.Sprintf("%s %s", "Bearer", tok)) // want[bearerheader] `hard-codes the Bearer scheme`
}

func notReported(h http.Header, scheme, tok string) {
	h.Set("Authorization", fmt.Sprintf("Token %s", tok))
	h.Set("Authorization", fmt.Sprintf("%s %s", "Basic", tok))
	h.Set("Authorization", fmt.Sprintf("%s %s", scheme, tok))
	h.Set("Authorization", fmt.Sprintf("%d %s", 1, tok))
}
