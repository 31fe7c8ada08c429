package session_test

import (
	"context"
	"testing"

	"example.com/codexclient/agent"
	"example.com/codexclient/coreauth"
	"example.com/codexclient/internal/recorder"
	"example.com/codexclient/session"
)

// exercise makes every call of a thread and of its session; the backend
// sees the paths returned, in order.
func exercise(t *testing.T, s *session.Session) []string {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Models(ctx); err != nil {
		t.Fatal(err)
	}
	th := s.Thread("th-1")
	if _, err := th.Usage(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := th.AttachFile(ctx, "notes.md", []byte("# notes")); err != nil {
		t.Fatal(err)
	}
	st, err := th.OpenStream(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := th.Resume(ctx); err != nil {
		t.Fatal(err)
	}
	return []string{"/codex/models", "/wham/usage", "/files", "/v1/responses", "/codex.v1.Threads/Resume"}
}

// TestWithoutTask: with no agent task every call authenticates as the
// user, before and after the migration; /health carries nothing.
func TestWithoutTask(t *testing.T) {
	b := recorder.Start(t)
	s := session.New(b.URL, coreauth.FromBearerToken("user-tok"), nil)
	b.Expect(t, recorder.User, exercise(t, s)...)

	if !s.Thread("th-2").Ready(context.Background()) {
		t.Fatal("not ready")
	}
	b.Expect(t, "", "/health")
}

// TestWithTask: with an agent task, the calls that ignore it send the
// user's token today, and the task's assertion after `bearercheck -fix`.
func TestWithTask(t *testing.T) {
	want := recorder.User
	if recorder.AfterFix() {
		want = "AgentAssertion env-7"
	}
	b := recorder.Start(t)
	s := session.New(b.URL, coreauth.FromBearerToken("user-tok"), agent.Register("task-7", "env-7"))
	b.Expect(t, want, exercise(t, s)...)
}

// TestNewThread: a thread built directly from a raw token behaves the same.
func TestNewThread(t *testing.T) {
	want := recorder.User
	if recorder.AfterFix() {
		want = "AgentAssertion env-8"
	}
	b := recorder.Start(t)
	ctx := context.Background()
	for task, want := range map[*agent.RegisteredAgentTask]string{nil: recorder.User, agent.Register("task-8", "env-8"): want} {
		th := session.NewThread("th-3", b.URL, "user-tok", task)
		if _, err := th.Usage(ctx); err != nil {
			t.Fatal(err)
		}
		if err := th.Resume(ctx); err != nil {
			t.Fatal(err)
		}
		b.Expect(t, want, "/wham/usage", "/codex.v1.Threads/Resume")
	}
}
