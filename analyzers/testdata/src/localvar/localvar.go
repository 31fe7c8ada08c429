package localvar

import (
	"fmt"
	"net/http"
)

func single(h http.Header, tok string) {
	v := "Bearer " + tok
	h.Set("Authorization", v) // want[bearerheader] `hard-codes the Bearer scheme`
}

func allBearer(h http.Header, tok string, refresh bool) {
	var v string
	if refresh {
		v = "Bearer " + tok
	} else {
		v = fmt.Sprintf("Bearer %s", tok)
	}
	h.Set("Authorization", v) // want[bearerheader] `hard-codes the Bearer scheme`
}

func chained(req *http.Request, tok string) {
	prefix := "Bearer "
	authz := prefix + tok
	req.Header.Set("Authorization", authz) // want[bearerheader] `hard-codes the Bearer scheme`
}

func varDecl(h http.Header, tok string) {
	var authz = "Bearer " + tok
	h.Set("Authorization", authz) // want[bearerheader] `hard-codes the Bearer scheme`
}

// One assignment is not a bearer value: the variable is not one.
func mixed(h http.Header, tok string, basic bool) {
	v := "Bearer " + tok
	if basic {
		v = "Basic " + tok
	}
	h.Set("Authorization", v)
}

func unknownAssignment(h http.Header, tok string, scheme func() string) {
	v := "Bearer " + tok
	v = scheme() + " " + tok
	h.Set("Authorization", v)
}

func bearerA(t string) string { return "Bearer " + t }
func bearerB(t string) string { return "Bearer " + t + ";v=2" }

// Two different helpers build the value: the message names neither.
func twoHelpers(h http.Header, t string, v2 bool) {
	v := bearerA(t)
	if v2 {
		v = bearerB(t)
	}
	h.Set("Authorization", v) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme through a bearer-only helper; use an AuthProvider's AuthorizationHeaderValue\(\)$`
}
