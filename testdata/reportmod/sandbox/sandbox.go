// Package sandbox talks to the sandbox with a hard-coded credential: it
// must never appear in a report.
package sandbox

import (
	"context"
	"net/http"
)

// Ping pings the sandbox.
func Ping(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://sandbox.example.com/v1/ping", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer sk-live-REPORTMOD-0000")
	return http.DefaultClient.Do(req)
}
