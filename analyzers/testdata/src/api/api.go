// Package api is the root of the chain: newRequest writes the bearer header.
package api

import (
	"encoding/json"
	"net/http"

	"auth"
)

// Client talks to the backend with a raw user token.
type Client struct {
	baseURL string
	token   string
	hc      *http.Client
}

// Usage is the response of /wham/usage.
type Usage struct{ Requests int }

// newRequest builds every authenticated request: the root helper.
func (c *Client) newRequest(method, path string) (*http.Request, error) { // want[bearerdetect] newRequest:`^bearerOnly\(\.token\) url\(1\)$` want[bearerhelper] `^Client\.newRequest is a bearer-only helper: it sends field c\.token as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found\)$`
	req, err := http.NewRequest(method, c.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found\)$`
	req.Header.Set("Accept", "application/json")
	return req, nil
}

func (c *Client) do(req *http.Request, out any) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// getJSON is generic: the fact is on its origin object.
func getJSON[T any](c *Client, path string) (T, error) { // want[bearerdetect] getJSON:`^bearerOnlyVia\(c\.token\) url\(1\)$`
	var out T
	req, err := c.newRequest(http.MethodGet, path)
	if err != nil {
		return out, err
	}
	err = c.do(req, &out)
	return out, err
}

// Fetch is an exported generic wrapper.
func Fetch[T any](c *Client, path string) (T, error) { // want[bearerdetect] Fetch:`^bearerOnlyVia\(c\.token\) url\(1\)$`
	return getJSON[T](c, path)
}

// GetUsage is bearer-only through getJSON and newRequest.
func (c *Client) GetUsage() (Usage, error) { // want[bearerdetect] GetUsage:`^bearerOnlyVia\(\.token\)$`
	return getJSON[Usage](c, "/wham/usage")
}

// GetAs still goes through newRequest, then overrides the header with p.
func (c *Client) GetAs(p auth.Authorizer, path string) (*http.Response, error) { // want[bearerdetect] GetAs:`^bearerOnlyVia\(\.token\) url\(1\)$`
	req, err := c.newRequest(http.MethodGet, path)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", p.AuthorizationHeaderValue())
	return c.hc.Do(req)
}

// Health needs no authentication: no fact.
func (c *Client) Health() error {
	req, err := http.NewRequest(http.MethodGet, c.baseURL+"/health", nil)
	if err != nil {
		return err
	}
	return c.do(req, nil)
}

// bearer returns a bearer value built from its parameter: a root helper.
func bearer(tok string) string { // want[bearerdetect] bearer:`^bearerOnly\(tok\) returnsBearer$` want[bearerhelper] `^bearer is a bearer-only helper: it sends parameter tok as a Bearer token;`
	return "Bearer " + tok
}

// AuthHeader only passes its parameter into bearer: transitive.
func AuthHeader(token string) string { // want[bearerdetect] AuthHeader:`^bearerOnlyVia\(token\) returnsBearer$`
	return bearer(token)
}
