// Package fixaccessor: "Bearer "+p.BearerToken() at every sink form.
package fixaccessor

import "net/http"

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

type Client struct {
	creds *Provider
	hc    *http.Client
}

func set(req *http.Request, p *Provider) {
	req.Header.Set("Authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p.AuthorizationHeaderValue\(\)$`
}

func add(h http.Header, p *Provider) {
	h.Add("authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func (c *Client) index(req *http.Request) {
	req.Header["Authorization"] = []string{"Bearer " + c.creds.BearerToken()} // want[bearerheader] `use c.creds.AuthorizationHeaderValue\(\)`
}

func indexAppend(h http.Header, p *Provider) {
	h["Authorization"] = append(h["Authorization"], "Bearer "+p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func indexString(m map[string]string, p *Provider) {
	m["Authorization"] = "Bearer " + p.BearerToken() // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func literal(p *Provider) http.Header {
	return http.Header{
		"Accept":        {"application/json"},
		"Authorization": {"Bearer " + p.BearerToken()}, // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	}
}

func literalMap(p *Provider) map[string]string {
	return map[string]string{"Authorization": ("Bearer " + p.BearerToken())} // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

const bearerPrefix = "Bearer "

func namedConst(req *http.Request, p *Provider) {
	req.Header.Set("Authorization", bearerPrefix+p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

type resty struct{}

func (*resty) SetHeader(k, v string) *resty { return nil }

func generic(r *resty, p Provider) {
	r.SetHeader("Authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

func conversion(req *http.Request, p *Provider) {
	req.Header.Set("Authorization", string("Bearer "+p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}
