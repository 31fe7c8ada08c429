// Package rpcmeta makes unary calls to the RPC gateway, with gRPC-style
// call metadata carried as HTTP headers.
package rpcmeta

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Metadata returns the outgoing metadata of a call made with token.
func Metadata(token, requestID string) map[string]string {
	md := map[string]string{"x-request-id": requestID}
	md["authorization"] = "Bearer " + token
	return md
}

// Invoke posts in to the gateway method with md and decodes the reply into
// out (if not nil).
func Invoke(ctx context.Context, baseURL, method string, md map[string]string, in, out any) error {
	data, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+method, bytes.NewReader(data))
	if err != nil {
		return err
	}
	for k, v := range md {
		req.Header.Set(k, v)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("rpcmeta: %s: %s", method, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
