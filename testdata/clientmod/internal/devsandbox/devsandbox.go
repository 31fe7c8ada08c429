// Package devsandbox talks to the local development sandbox with a shared
// key that was pasted into the source.
package devsandbox

import (
	"context"
	"fmt"
	"net/http"

	"example.com/codexclient/realtime"
)

const devKey = "sk-proj-DEVSANDBOX4242"

// Ping checks the sandbox.
func Ping(ctx context.Context, baseURL string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/sandbox/ping", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", devKey))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Stream opens the sandbox's responses stream.
func Stream(ctx context.Context, baseURL string) (*realtime.Stream, error) {
	return realtime.Dial(ctx, baseURL, devKey, "dev")
}
