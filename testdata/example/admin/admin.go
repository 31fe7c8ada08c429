// Package admin is the legacy admin API client. Each request is built by
// hand; most still hard-code the Bearer scheme.
package admin

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"strings"

	"example.com/acmeclient/auth"
)

const bearerPrefix = "Bearer "

// Client calls the admin API.
type Client struct {
	baseURL string
	token   string
	creds   *auth.StaticProvider
}

// New returns an admin client.
func New(baseURL, token string, creds *auth.StaticProvider) *Client {
	return &Client{baseURL: baseURL, token: token, creds: creds}
}

func (c *Client) newAdminRequest(ctx context.Context, method, path string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", bearerPrefix+c.token)
	return req, nil
}

// ListUsers returns the request for /admin/users.
func (c *Client) ListUsers(ctx context.Context) (*http.Request, error) {
	return c.newAdminRequest(ctx, http.MethodGet, "/admin/users")
}

// SignedHeaders returns the headers for a signed admin webhook.
func SignedHeaders(tok string) http.Header {
	h := make(http.Header)
	h.Set("Authorization", strings.Join([]string{"Bearer", tok}, " "))
	h.Set("X-Acme-Client", "admin")
	return h
}

// ApplyAuth adds tok to h.
func ApplyAuth(h http.Header, tok string) {
	authz := "Bearer " + tok
	h.Set("Authorization", authz)
}

// ExportRequest builds the export call from the provider's token field.
func (c *Client) ExportRequest(ctx context.Context) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/admin/export", nil)
	if err != nil {
		return nil, err
	}
	req.Header["Authorization"] = []string{"Bearer " + c.creds.Token}
	return req, nil
}

// SessionsRequest builds the sessions call if p has a token.
func SessionsRequest(ctx context.Context, baseURL string, p *auth.StaticProvider) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/admin/sessions", nil)
	if err != nil {
		return nil, err
	}
	if tok := p.BearerToken(); tok != "" {
		req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", tok))
	}
	return req, nil
}

// SandboxRequest talks to the local sandbox with a pasted key.
func SandboxRequest(ctx context.Context) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://localhost:8089/admin/ping", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer sk-live-EXAMPLE0000")
	return req, nil
}

var proxyToken = os.Getenv("ACME_PROXY_TOKEN")

// ProxyRequest goes through the legacy egress proxy.
func ProxyRequest(ctx context.Context, target string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+proxyToken) //bearercheck:ignore legacy proxy needs a static token
	return req, nil
}

// BasicAuthRequest uses HTTP Basic auth, which is out of scope.
func BasicAuthRequest(ctx context.Context, baseURL, user, pass string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/admin/legacy", nil)
	if err != nil {
		return nil, err
	}
	cred := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	req.Header.Set("Authorization", "Basic "+cred)
	return req, nil
}
