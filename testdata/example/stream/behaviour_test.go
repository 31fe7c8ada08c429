package stream_test

import (
	"context"
	"encoding/json"
	"testing"

	"example.com/acmeclient/auth"
	"example.com/acmeclient/internal/headertest"
	"example.com/acmeclient/stream"
)

// TestConnect: the upgrade request carries the user's token, or the
// provider's header through ConnectAs.
func TestConnect(t *testing.T) {
	srv := headertest.New(t)
	ctx := context.Background()

	conn, err := stream.Connect(ctx, srv.URL, "user-tok")
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	got := srv.Only(t)
	if got.Path != "/v1/responses" {
		t.Errorf("path = %q", got.Path)
	}
	headertest.Want(t, got, "Bearer user-tok")

	conn, err = stream.ConnectAs(ctx, srv.URL, &auth.AgentTask{Envelope: "env-1"})
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	headertest.Want(t, srv.Only(t), "AgentAssertion env-1")
}

// TestHello: the first frame carries the user's token.
func TestHello(t *testing.T) {
	data, err := stream.Hello("user-tok", "s1")
	if err != nil {
		t.Fatal(err)
	}
	var frame map[string]string
	if err := json.Unmarshal(data, &frame); err != nil {
		t.Fatal(err)
	}
	if frame["authorization"] != "Bearer user-tok" || frame["session_id"] != "s1" {
		t.Errorf("frame = %v", frame)
	}
}
