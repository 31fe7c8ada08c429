// Package realtime opens the websocket stream of the responses API.
package realtime

import (
	"context"
	"fmt"
	"net/http"
)

// Stream is an upgraded responses stream.
type Stream struct {
	resp *http.Response
}

// Close hangs up.
func (s *Stream) Close() error { return s.resp.Body.Close() }

// handshake returns the upgrade request's headers; the token is left out
// when there is none.
func handshake(token, sessionID string) http.Header {
	h := http.Header{}
	h.Set("Connection", "Upgrade")
	h.Set("Upgrade", "websocket")
	h.Set("OpenAI-Beta", "responses_websockets=v1")
	if token != "" {
		h.Set("authorization", "Bearer "+token)
	}
	if sessionID != "" {
		h.Set("session_id", sessionID)
	}
	return h
}

// Dial opens the stream of session sessionID at baseURL with token.
func Dial(ctx context.Context, baseURL, token, sessionID string) (*Stream, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v1/responses", nil)
	if err != nil {
		return nil, err
	}
	req.Header = handshake(token, sessionID)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, fmt.Errorf("realtime: dial %s: %s", baseURL, resp.Status)
	}
	return &Stream{resp: resp}, nil
}
