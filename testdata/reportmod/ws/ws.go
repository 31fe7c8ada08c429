// Package ws opens websocket-style streams.
package ws

import (
	"context"
	"fmt"
	"net/http"
)

// dial performs the handshake with h.
func dial(ctx context.Context, rawURL string, h http.Header) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	for k, vs := range h {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	return http.DefaultClient.Do(req)
}

// Realtime opens a realtime session for model.
func Realtime(ctx context.Context, base, model, tok string) (*http.Response, error) {
	h := http.Header{"Authorization": {"Bearer " + tok}}
	return dial(ctx, fmt.Sprintf("%s/v1/realtime?model=%s", base, model), h)
}
