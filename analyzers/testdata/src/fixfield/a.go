// Package fixfield: "Bearer "+p.Token where the provider method reads Token.
package fixfield

import "net/http"

type StaticProvider struct {
	Token string
	User  string
}

func (p *StaticProvider) AuthorizationHeaderValue() string {
	if p == nil || p.Token == "" {
		return ""
	}
	return "Bearer " + p.Token
}

type Client struct {
	creds *StaticProvider
}

func (c *Client) do(req *http.Request) {
	req.Header["Authorization"] = []string{"Bearer " + c.creds.Token} // want[bearerheader] `use c.creds.AuthorizationHeaderValue\(\)`
}

func value(h http.Header, p StaticProvider) {
	h.Set("Authorization", "Bearer "+p.Token) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

// User is not read by the provider method: no fix.
func other(h http.Header, p *StaticProvider) {
	h.Set("Authorization", "Bearer "+p.User) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
