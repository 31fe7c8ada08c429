// Package stream opens the websocket-style responses stream.
package stream

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"example.com/acmeclient/auth"
)

// Conn is an upgraded stream connection.
type Conn struct {
	URL    string
	Header http.Header
	resp   *http.Response
}

// Close releases the connection.
func (c *Conn) Close() error { return c.resp.Body.Close() }

// Dial performs the upgrade handshake, sending h with the request.
func Dial(ctx context.Context, rawURL string, h http.Header) (*Conn, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	for k, vs := range h {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, fmt.Errorf("stream: handshake with %s: %s", rawURL, resp.Status)
	}
	return &Conn{URL: rawURL, Header: h, resp: resp}, nil
}

// Connect opens the responses stream with a raw user token.
func Connect(ctx context.Context, baseURL, tok string) (*Conn, error) {
	h := http.Header{"Authorization": []string{"Bearer " + tok}}
	h.Set("OpenAI-Beta", "responses=v1")
	return Dial(ctx, baseURL+"/v1/responses", h)
}

// ConnectAs opens the responses stream on behalf of p.
func ConnectAs(ctx context.Context, baseURL string, p auth.Provider) (*Conn, error) {
	h := http.Header{"Authorization": {p.AuthorizationHeaderValue()}}
	return Dial(ctx, baseURL+"/v1/responses", h)
}

// handshakeMeta is the first frame sent after the upgrade.
func handshakeMeta(tok, session string) map[string]string {
	return map[string]string{
		"authorization": fmt.Sprintf("Bearer %s", tok),
		"session_id":    session,
	}
}

// Hello encodes the first frame for session.
func Hello(tok, session string) ([]byte, error) {
	return json.Marshal(handshakeMeta(tok, session))
}
