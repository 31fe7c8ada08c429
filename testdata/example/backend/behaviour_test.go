package backend_test

import (
	"context"
	"testing"

	"example.com/acmeclient/auth"
	"example.com/acmeclient/backend"
	"example.com/acmeclient/internal/headertest"
)

// TestClientSendsUserToken: every authenticated endpoint of the client
// sends the user's token, before and after the migration; /health sends
// no Authorization header.
func TestClientSendsUserToken(t *testing.T) {
	srv := headertest.New(t)
	c := backend.New(srv.URL, "user-tok")
	ctx := context.Background()
	calls := []struct {
		path string
		call func() error
	}{
		{"/wham/usage", func() error { _, err := c.GetUsage(ctx); return err }},
		{"/wham/tasks/t 1", func() error { _, err := c.GetTask(ctx, "t 1"); return err }},
		{"/codex/models", func() error { _, err := c.ListModels(ctx); return err }},
		{"/files", func() error { _, err := c.UploadFile(ctx, "a.txt", []byte("a")); return err }},
	}
	for _, tc := range calls {
		if err := tc.call(); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		got := srv.Only(t)
		if got.Path != tc.path {
			t.Errorf("path = %q, want %q", got.Path, tc.path)
		}
		headertest.Want(t, got, "Bearer user-tok")
	}

	if err := c.Health(ctx); err != nil {
		t.Fatal(err)
	}
	headertest.Want(t, srv.Only(t), "")
}

// TestGetTaskAs: the provider passed in decides the header.
func TestGetTaskAs(t *testing.T) {
	srv := headertest.New(t)
	c := backend.New(srv.URL, "user-tok")
	ctx := context.Background()

	if _, err := c.GetTaskAs(ctx, &auth.AgentTask{ID: "t1", Envelope: "env-1"}, "t1"); err != nil {
		t.Fatal(err)
	}
	headertest.Want(t, srv.Only(t), "AgentAssertion env-1")

	if _, err := c.GetTaskAs(ctx, &auth.StaticProvider{Token: "other"}, "t1"); err != nil {
		t.Fatal(err)
	}
	headertest.Want(t, srv.Only(t), "Bearer other")
}

// TestProviderClient: the migrated client sends its provider's header.
func TestProviderClient(t *testing.T) {
	srv := headertest.New(t)
	ctx := context.Background()
	for _, p := range []struct {
		p    auth.Provider
		want string
	}{
		{&auth.StaticProvider{Token: "user-tok"}, "Bearer user-tok"},
		{&auth.AgentTask{Envelope: "env-1"}, "AgentAssertion env-1"},
	} {
		if _, err := backend.NewProviderClient(srv.URL, p.p).GetUsage(ctx); err != nil {
			t.Fatal(err)
		}
		headertest.Want(t, srv.Only(t), p.want)
	}
}

// TestBearerHeader: the exported helper keeps its result.
func TestBearerHeader(t *testing.T) {
	if got := backend.BearerHeader("user-tok"); got != "Bearer user-tok" {
		t.Errorf("BearerHeader = %q", got)
	}
}
