package backend_test

import (
	"context"
	"testing"

	"example.com/codexclient/backend"
	"example.com/codexclient/internal/recorder"
)

// endpoints calls every authenticated endpoint of c once; the backend sees
// the paths returned, in order.
func endpoints(t *testing.T, c *backend.Client) []string {
	t.Helper()
	ctx := context.Background()
	for i, err := range []error{
		second(c.GetUsage(ctx)),
		second(c.GetTask(ctx, "task/1")),
		second(c.ListTasks(ctx)),
		second(c.CreateTask(ctx, backend.NewTask{Prompt: "hi"})),
		second(c.ListEnvironments(ctx)),
		second(c.GetRequirements(ctx)),
		second(c.ListModels(ctx)),
		second(c.UploadFile(ctx, "a.txt", []byte("a"))),
		second(c.GetFile(ctx, "file-1")),
		c.DeleteFile(ctx, "file-1"),
	} {
		if err != nil {
			t.Fatalf("endpoint %d: %v", i, err)
		}
	}
	return []string{
		"/wham/usage", "/wham/tasks/task/1", "/wham/tasks", "/wham/tasks",
		"/wham/environments", "/wham/config/requirements", "/codex/models",
		"/files", "/files/file-1", "/files/file-1",
	}
}

func second[T any](_ T, err error) error { return err }

// TestEndpointsSendUserToken: every endpoint sends the user's token, from
// both constructors; the header is the same after the migration.
func TestEndpointsSendUserToken(t *testing.T) {
	b := recorder.Start(t)
	for name, c := range map[string]*backend.Client{
		"New":       backend.New(b.URL, "user-tok"),
		"NewClient": backend.NewClient(backend.Config{BaseURL: b.URL, Token: "user-tok", UserAgent: "test"}),
	} {
		t.Run(name, func(t *testing.T) {
			paths := endpoints(t, c)
			b.Expect(t, recorder.User, paths...)
		})
	}
}

// TestHealthNeedsNoAuth: /health never carries credentials.
func TestHealthNeedsNoAuth(t *testing.T) {
	b := recorder.Start(t)
	if err := backend.New(b.URL, "user-tok").Health(context.Background()); err != nil {
		t.Fatal(err)
	}
	b.Expect(t, "", "/health")
}
