// Package hdr is an SDK-style header type whose key is known only by
// control flow: the Authorization header is set in the case of a switch
// on the header's name.
package hdr

import "net/http"

// Name is a header name.
type Name string

// AuthorizationTokenHeader is the Authorization header's name.
const AuthorizationTokenHeader Name = "Authorization"

// Header is one header to set.
type Header struct {
	Name  Name
	Value string
}

// Apply sets the header on req: the Authorization value is written whole.
func (h Header) Apply(req *http.Request) {
	switch h.Name {
	case AuthorizationTokenHeader:
		req.Header.Set(string(h.Name), h.Value)
	default:
		req.Header.Add(string(h.Name), h.Value)
	}
}

// Set writes value under key; for the Authorization key, whole.
func Set(req *http.Request, key, value string) { // want[bearerdetect] Set:`^writesValue\(2\)$`
	if key == "Authorization" && value != "" {
		req.Header.Set(key, value)
	}
}

// Bearer sets tok as a Bearer token through Apply.
func Bearer(req *http.Request, tok string) { // want[bearerdetect] Bearer:`^bearerOnly\(tok\)$` want[bearerhelper] `^Bearer is a bearer-only helper: it sends parameter tok`
	Header{Name: AuthorizationTokenHeader, Value: "Bearer " + tok}.Apply(req) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
}

// Debug marks a request through Apply.
func Debug(req *http.Request) {
	Header{Name: "X-Debug", Value: "on"}.Apply(req)
}
