// Package headerapi writes headers through APIs of any name: a call that
// passes the Authorization key in a string parameter and the value in the
// next string, []string or ...string parameter.
package headerapi

import (
	"net/http"
	"net/textproto"
	"strings"
	"testing"

	"github.com/acme/sdk/logging"
	"github.com/acme/sdk/runtime"
)

// An SDK's own header collection.
type Headers struct{ m map[string][]string }

func (h *Headers) Add(name, value string)           { h.m[name] = append(h.m[name], value) }
func (h *Headers) Put(name string, values []string) { h.m[name] = values }
func (h *Headers) Get(name string) string           { return "" }
func (h *Headers) Has(name, value string) bool      { return false }
func (h *Headers) Count(name, value string) int     { return 0 }

type Request struct{ Headers Headers }

// Options with a fluent header setter.
type Options struct{}

func (o *Options) Header(k, v string) *Options { return o }

func WithRequestHeader(k, v string) func(*Options) { return func(*Options) {} }

func headerParam(r runtime.ClientRequest, tok string) error {
	return r.SetHeaderParam(runtime.HeaderAuthorization, "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func bearerToken(tok string) runtime.ClientAuthInfoWriter {
	return runtime.ClientAuthInfoWriterFunc(func(r runtime.ClientRequest) error {
		return r.SetHeaderParam("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	})
}

func ownCollection(req *Request, tok string) {
	req.Headers.Add("Authorization", "Bearer "+tok)             // want[bearerheader] `hard-codes the Bearer scheme`
	req.Headers.Put("authorization", []string{"Bearer " + tok}) // want[bearerheader] `hard-codes the Bearer scheme`
}

func fluent(o *Options, tok string) *Options {
	return o.Header("Content-Type", "application/json").Header(authKey, "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

const authKey = "Authorization"

func option(tok string) func(*Options) {
	return WithRequestHeader(authKey, "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

// Keys proven equal to the Authorization key.
func canonical(req *Request, tok string) {
	req.Headers.Add(http.CanonicalHeaderKey("authorization"), "Bearer "+tok)          // want[bearerheader] `hard-codes the Bearer scheme`
	req.Headers.Add(textproto.CanonicalMIMEHeaderKey("AUTHORIZATION"), "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	k := "Authorization"
	req.Headers.Add(k, "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func mimeHeader(h textproto.MIMEHeader, tok string) {
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

// Method values and method expressions.
func methodValues(req *http.Request, h http.Header, tok string) {
	set := req.Header.Set
	set("Authorization", "Bearer "+tok)                  // want[bearerheader] `hard-codes the Bearer scheme`
	(http.Header).Set(h, "Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	add := http.Header.Add
	add(h, "Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

// Variadic values, spread.
func spread(r runtime.ClientRequest, tok string) error {
	vs := []string{"Bearer " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
	return r.SetHeaderParam("Authorization", vs...)
}

// Not writes: readers, predicates, measures, logs, tests, queries, the
// standard library.
func notWrites(req *Request, r runtime.ClientRequest, log *logging.Logger, tok string) {
	_ = req.Headers.Has("Authorization", "Bearer "+tok)
	_ = req.Headers.Count("Authorization", "Bearer "+tok)
	_ = strings.EqualFold("Authorization", "Bearer "+tok)
	_ = strings.Replace("Authorization", "Authorization", "Bearer "+tok, 1)
	_ = logging.String("Authorization", "Bearer "+tok)
	_ = log.With("authorization", "Bearer "+tok)
	_ = r.SetQueryParam("authorization", "Bearer "+tok)
	matchHeader("Authorization", "Bearer "+tok)
	expectHeader(nil, "Authorization", "Bearer "+tok)
	debugf("Authorization", "Bearer "+tok)
	_ = req.Headers.Get("Authorization")
	req.Headers.Add("X-Request-Id", "Bearer "+tok)
	req.Headers.Add("Authorization", "Basic "+tok)
}

// A matcher that returns no bool is still a comparison by its name.
func matchHeader(k, v string) *Options { return nil }

func expectHeader(t *testing.T, k, v string) {}

func debugf(format string, args ...string) {}
