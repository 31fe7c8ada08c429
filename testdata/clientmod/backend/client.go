// Package backend is the client of the Codex backend API. It still sends
// the user's raw token as "Bearer <token>" from newRequest.
package backend

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Config configures a Client.
type Config struct {
	BaseURL string
	// Token is the user's bearer token.
	Token      string
	UserAgent  string
	HTTPClient *http.Client
}

// Client calls the backend as the user.
type Client struct {
	baseURL   string
	token     string
	userAgent string
	hc        *http.Client
}

// NewClient returns a client configured by cfg.
func NewClient(cfg Config) *Client {
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	ua := cfg.UserAgent
	if ua == "" {
		ua = "codexclient/1"
	}
	return &Client{baseURL: cfg.BaseURL, token: cfg.Token, userAgent: ua, hc: hc}
}

// New returns a client for baseURL that sends token.
func New(baseURL, token string) *Client {
	return NewClient(Config{BaseURL: baseURL, Token: token})
}

// newRequest builds an authenticated backend request.
func (c *Client) newRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", c.token))
	req.Header.Set("User-Agent", c.userAgent)
	return req, nil
}

// call sends an authenticated request with in as its JSON body (if not
// nil) and decodes the response into out (if not nil).
func (c *Client) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(data)
	}
	req, err := c.newRequest(ctx, method, path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req, out)
}

func (c *Client) send(req *http.Request, out any) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// Health reports whether the backend is up; it needs no credentials.
func (c *Client) Health(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/health", nil)
	if err != nil {
		return err
	}
	return c.send(req, nil)
}
