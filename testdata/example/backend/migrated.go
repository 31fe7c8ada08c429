package backend

import (
	"context"
	"net/http"
	"net/url"

	"example.com/acmeclient/auth"
)

// ProviderClient is the migrated client: the provider decides the scheme.
type ProviderClient struct {
	baseURL    string
	auth       auth.Provider
	httpClient *http.Client
}

// NewProviderClient returns a client that authenticates through p.
func NewProviderClient(baseURL string, p auth.Provider) *ProviderClient {
	return &ProviderClient{baseURL: baseURL, auth: p, httpClient: http.DefaultClient}
}

// GetUsage returns the caller's usage.
func (c *ProviderClient) GetUsage(ctx context.Context) (*Usage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/wham/usage", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.auth.AuthorizationHeaderValue())
	var u Usage
	if err := doJSON(c.httpClient, req, &u); err != nil {
		return nil, err
	}
	return &u, nil
}

// GetTaskAs fetches a task on behalf of p (a user or an agent task).
// It still goes through newRequest and then overrides the header.
func (c *Client) GetTaskAs(ctx context.Context, p auth.Provider, id string) (*Task, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/wham/tasks/"+url.PathEscape(id), nil)
	if err != nil {
		return nil, err
	}
	authz := p.AuthorizationHeaderValue()
	req.Header.Set("Authorization", authz)
	var t Task
	if err := doJSON(c.httpClient, req, &t); err != nil {
		return nil, err
	}
	return &t, nil
}
