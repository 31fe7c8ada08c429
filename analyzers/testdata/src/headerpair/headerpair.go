// Package headerpair puts bearer values into header pairs carried in
// structs, keyed or positional, returned by a helper or stored for later.
package headerpair

import (
	"net/http"

	"headerpair/sdk"
)

const prefix = "Bearer"

func authParams(tok string) *sdk.HeaderParams { // want[bearerhelper] `^authParams is a bearer-only helper: it sends parameter tok as a Bearer token`
	return &sdk.HeaderParams{Key: sdk.AuthKey, Value: prefix + " " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
}

func positional(tok string) sdk.HeaderParams { // want[bearerhelper] `^positional is a bearer-only helper`
	return sdk.HeaderParams{"authorization", "Bearer " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
}

func withOtherFields(tok string) []sdk.Header { // want[bearerhelper] `^withOtherFields is a bearer-only helper`
	return []sdk.Header{
		{Name: "Accept", Values: []string{"application/json"}},
		{Name: "Authorization", Sensitive: true, Values: []string{"Bearer " + tok}}, // want[bearerheader] `hard-codes the Bearer scheme`
	}
}

type client struct {
	auth *sdk.HeaderParams
}

func newClient(tok string) *client { // want[bearerhelper] `^newClient is a bearer-only helper`
	c := &client{}
	c.auth = &sdk.HeaderParams{Key: "Authorization", Value: "Bearer " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
	return c
}

func (c *client) do(req *http.Request) {
	sdk.Apply(req, c.auth)
}

func anonymous(tok string) any { // want[bearerhelper] `^anonymous is a bearer-only helper`
	return struct{ K, V string }{"Authorization", "Bearer " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
}

// Not pairs: another key, another scheme, a cookie, a value that is not
// next to the key, the scheme alone (a prefix to match).
func notPairs(tok string) []any {
	return []any{
		sdk.HeaderParams{Key: "X-Api-Key", Value: "Bearer " + tok},
		sdk.HeaderParams{Key: "Authorization", Value: "Basic " + tok},
		&http.Cookie{Name: "Authorization", Value: "Bearer " + tok},
		struct {
			Name  string
			In    string
			Value string
		}{"Authorization", "header", "Bearer " + tok},
		struct{ Header, ValuePrefix string }{Header: "Authorization", ValuePrefix: "Bearer "},
	}
}
