package backend

import (
	"context"
	"net/http"
)

// getJSON performs an authenticated GET of path and decodes the body as T.
func getJSON[T any](ctx context.Context, c *Client, path string) (*T, error) {
	req, err := c.newRequest(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	var out T
	if err := doJSON(c.httpClient, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
