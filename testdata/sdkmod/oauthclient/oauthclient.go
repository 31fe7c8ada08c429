// Package oauthclient sends a static access token through golang.org/x/oauth2.
package oauthclient

import (
	"context"
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

// Client returns an HTTP client that sends the service's access token.
func Client(ctx context.Context) *http.Client {
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: os.Getenv("SERVICE_TOKEN")})
	return oauth2.NewClient(ctx, ts) // site
}
