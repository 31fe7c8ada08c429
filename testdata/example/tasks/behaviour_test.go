package tasks_test

import (
	"context"
	"testing"

	"example.com/acmeclient/auth"
	"example.com/acmeclient/backend"
	"example.com/acmeclient/internal/headertest"
	"example.com/acmeclient/tasks"
)

const user = "Bearer user-tok"

// calls runs every method of s that works without a task; they request
// paths, in order.
func calls(t *testing.T, s *tasks.Service) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Usage(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Models(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, "a.txt", []byte("a")); err != nil {
		t.Fatal(err)
	}
	conn, err := s.Stream(ctx, "user-tok")
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
}

var paths = []string{"/wham/usage", "/codex/models", "/files", "/v1/responses"}

// TestServiceWithoutTask: with no agent task every call authenticates as
// the user, before and after the migration.
func TestServiceWithoutTask(t *testing.T) {
	srv := headertest.New(t)
	s := tasks.NewService(srv.URL, backend.New(srv.URL, "user-tok"), nil)
	calls(t, s)
	if _, err := tasks.Summary(context.Background(), backend.New(srv.URL, "user-tok")); err != nil {
		t.Fatal(err)
	}
	got := srv.Calls()
	if len(got) != len(paths)+1 {
		t.Fatalf("server received %d requests, want %d: %+v", len(got), len(paths)+1, got)
	}
	for i, c := range got {
		if i < len(paths) && c.Path != paths[i] {
			t.Errorf("request %d: path %q, want %q", i, c.Path, paths[i])
		}
		headertest.Want(t, c, user)
	}
}

// TestServiceWithTask: with an agent task, the calls that ignore it today
// send the user's token; after `bearercheck -fix` they send the task's
// assertion (BEARERCHECK_MIGRATED=1). Task passes the task in both.
func TestServiceWithTask(t *testing.T) {
	want := user
	if headertest.Migrated() {
		want = "AgentAssertion env-1"
	}
	srv := headertest.New(t)
	ctx := context.Background()
	task := &auth.AgentTask{ID: "task-1", Envelope: "env-1"}
	s := tasks.NewService(srv.URL, backend.New(srv.URL, "user-tok"), task)

	calls(t, s)
	got := srv.Calls()
	if len(got) != len(paths) {
		t.Fatalf("server received %d requests, want %d: %+v", len(got), len(paths), got)
	}
	for _, c := range got {
		headertest.Want(t, c, want)
	}
	if err := s.Cancel(ctx, "user-tok"); err != nil {
		t.Fatal(err)
	}
	c := srv.Only(t)
	if c.Path != "/wham/tasks/task-1/cancel" {
		t.Errorf("path = %q", c.Path)
	}
	headertest.Want(t, c, want)

	if _, err := s.Task(ctx, "t2"); err != nil {
		t.Fatal(err)
	}
	headertest.Want(t, srv.Only(t), "AgentAssertion env-1")
}

// TestPoll: Poll authenticates as the user today and as the registered
// task after the migration.
func TestPoll(t *testing.T) {
	want := user
	if headertest.Migrated() {
		want = "AgentAssertion env-2"
	}
	srv := headertest.New(t)
	task := &auth.RegisteredAgentTask{AgentTask: auth.AgentTask{ID: "task-2", Envelope: "env-2"}}
	if _, err := tasks.Poll(context.Background(), backend.New(srv.URL, "user-tok"), task, "child"); err != nil {
		t.Fatal(err)
	}
	c := srv.Only(t)
	if c.Path != "/wham/tasks/child" {
		t.Errorf("path = %q", c.Path)
	}
	headertest.Want(t, c, want)
}
