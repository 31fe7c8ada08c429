package join

import (
	"net/http"
	"strings"
)

func join(h http.Header, tok string) {
	h.Set("Authorization", strings.Join([]string{"Bearer", tok}, " ")) // want[bearerheader] `hard-codes the Bearer scheme`
}

const bearer = "Bearer"

func joinConstant(req *http.Request, tok string) {
	req.Header.Set("Authorization", strings.Join([]string{bearer, tok}, " ")) // want[bearerheader] `hard-codes the Bearer scheme`
}

func notReported(h http.Header, tok string, parts []string) {
	h.Set("Authorization", strings.Join([]string{"Basic", tok}, " "))
	h.Set("Authorization", strings.Join([]string{"Bearer", tok}, ""))
	h.Set("Authorization", strings.Join(parts, " "))
}
