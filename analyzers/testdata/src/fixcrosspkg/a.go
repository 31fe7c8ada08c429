// Package fixcrosspkg uses a provider type of another package.
package fixcrosspkg

import (
	"fmt"
	"net/http"

	auth "fixprovider"
)

type Client struct {
	creds *auth.StaticProvider
}

func (c *Client) field(req *http.Request) {
	req.Header["Authorization"] = []string{"Bearer " + c.creds.Token} // want[bearerheader] `use c.creds.AuthorizationHeaderValue\(\)`
}

func (c *Client) accessor(req *http.Request) {
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", c.creds.BearerToken())) // want[bearerheader] `use c.creds.AuthorizationHeaderValue\(\)`
}

// The provider is a package-level variable of the provider's package: the
// package name stays used.
func global(h http.Header) {
	h.Set("Authorization", "Bearer "+auth.Default.Token) // want[bearerheader] `hard-codes the Bearer scheme`
}

// (string, error): no fix.
func fallible(h http.Header, f *auth.Fallible) {
	h.Set("Authorization", "Bearer "+f.BearerToken()) // want[bearerheader] `use f.AuthorizationHeaderValue\(\)`
}

// User is not read by the provider method: no fix.
func user(h http.Header, p *auth.StaticProvider) {
	h.Set("Authorization", "Bearer "+p.User) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
