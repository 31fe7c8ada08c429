package rpcmeta_test

import (
	"context"
	"testing"

	"example.com/codexclient/internal/recorder"
	"example.com/codexclient/rpcmeta"
)

// TestMetadata: the call metadata carries the token as a bearer header.
func TestMetadata(t *testing.T) {
	md := rpcmeta.Metadata("user-tok", "req-1")
	if md["authorization"] != recorder.User || md["x-request-id"] != "req-1" {
		t.Fatalf("Metadata = %v", md)
	}
	b := recorder.Start(t)
	if err := rpcmeta.Invoke(context.Background(), b.URL, "/codex.v1.Ping/Ping", md, struct{}{}, nil); err != nil {
		t.Fatal(err)
	}
	b.Expect(t, recorder.User, "/codex.v1.Ping/Ping")
}
