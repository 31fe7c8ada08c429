// Package writesvalue: functions that write a parameter, whole, as the
// Authorization header value; callers that pass a bearer value write one.
package writesvalue

import (
	"net/http"

	"writesvalue/params"
)

func setAuth(req *http.Request, value string) {
	req.Header.Set("Authorization", value)
}

func wrap(req *http.Request, v string) { setAuth(req, v) }

func use(req *http.Request, tok string) { // want[bearerhelper] `^use is a bearer-only helper: it sends parameter tok as a Bearer token`
	setAuth(req, "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	wrap(req, "Bearer "+tok)    // want[bearerheader] `hard-codes the Bearer scheme`
	setAuth(req, "Basic "+tok)
	wrap(req, tok)
}

func generated(tok string) *params.GetUserParams { // want[bearerhelper] `^generated is a bearer-only helper: it sends parameter tok as a Bearer token`
	return new(params.GetUserParams).
		WithID("me").
		WithAuthorization("Bearer " + tok) // want[bearerheader] `hard-codes the Bearer scheme`
}
