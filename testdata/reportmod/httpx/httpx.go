// Package httpx is the shared HTTP client: every request still carries the
// user's bearer token.
package httpx

import (
	"context"
	"encoding/json"
	"net/http"
)

// Client sends authenticated requests to base.
type Client struct {
	base  string
	token string
	hc    *http.Client
}

// New returns a client.
func New(base, token string) *Client {
	return &Client{base: base, token: token, hc: http.DefaultClient}
}

// NewRequest builds an authenticated request for path.
func (c *Client) NewRequest(ctx context.Context, method, path string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return req, nil
}

// GetJSON fetches path and decodes the body into out.
func (c *Client) GetJSON(ctx context.Context, path string, out any) error {
	req, err := c.NewRequest(ctx, http.MethodGet, path)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}
