// Package cloud is a stub of a public API client SDK: it is given a raw
// token by its constructor, its functional options or a setter, keeps it
// in unexported fields, and sends it as a Bearer token from a request
// builder, a RoundTripper or per-RPC credentials, in other functions.
package cloud

import (
	"context"
	"fmt"
	"net/http"
)

type config struct {
	apiKey  string
	baseURL string
	retries int
}

// Option configures a Client.
type Option func(*config)

// WithAPIKey returns an option that stores the API key: a closure that
// stores into an unexported config field.
func WithAPIKey(key string) Option {
	return func(c *config) { c.apiKey = key }
}

// WithRetries is not about the token.
func WithRetries(n int) Option {
	return func(c *config) { c.retries = n }
}

// WithHTTPClient sets the HTTP client requests go through.
func WithHTTPClient(hc *http.Client) Option {
	return func(*config) { _ = hc }
}

// Client is the API client.
type Client struct {
	cfg   config
	token string
	hc    *http.Client
}

// NewClient stores the token in an unexported field.
func NewClient(token string, opts ...Option) *Client {
	c := &Client{token: token, hc: http.DefaultClient}
	for _, o := range opts {
		o(&c.cfg)
	}
	return c
}

// New builds a client from options only.
func New(opts ...Option) *Client {
	c := &Client{hc: http.DefaultClient}
	for _, o := range opts {
		o(&c.cfg)
	}
	return c
}

// SetToken replaces the token.
func (c *Client) SetToken(tok string) { c.token = tok }

// newRequest is the request builder: it reads the stored token.
func (c *Client) newRequest(ctx context.Context, path string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.cfg.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	} else {
		req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", c.cfg.apiKey))
	}
	return req, nil
}

// Get sends a request.
func (c *Client) Get(ctx context.Context, path string) (*http.Response, error) {
	req, err := c.newRequest(ctx, path)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// transport adds the token in RoundTrip, set up by NewHTTPClient.
type transport struct {
	tok  string
	base http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", "Bearer "+t.tok)
	return t.base.RoundTrip(r)
}

// NewHTTPClient returns an *http.Client that sends tok as a Bearer token.
func NewHTTPClient(tok string) *http.Client {
	return &http.Client{Transport: &transport{tok: tok, base: http.DefaultTransport}}
}

// rpcCreds are gRPC-style per-RPC credentials.
type rpcCreds struct{ token string }

// GetRequestMetadata returns the request's metadata.
func (c rpcCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + c.token}, nil
}

// RequireTransportSecurity is part of credentials.PerRPCCredentials.
func (rpcCreds) RequireTransportSecurity() bool { return true }

// PerRPCCredentials are per-RPC credentials for a raw token.
type PerRPCCredentials interface {
	GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error)
	RequireTransportSecurity() bool
}

// TokenCredentials returns per-RPC credentials that send token.
func TokenCredentials(token string) PerRPCCredentials {
	return rpcCreds{token: token}
}
