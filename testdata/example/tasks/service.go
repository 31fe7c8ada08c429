// Package tasks runs backend calls on behalf of one agent task.
package tasks

import (
	"context"
	"log"
	"net/http"

	"example.com/acmeclient/auth"
	"example.com/acmeclient/backend"
	"example.com/acmeclient/stream"
)

// Service performs the backend calls of one agent task.
type Service struct {
	baseURL   string
	client    *backend.Client
	agentTask *auth.AgentTask
}

// NewService returns a service for task.
func NewService(baseURL string, c *backend.Client, task *auth.AgentTask) *Service {
	return &Service{baseURL: baseURL, client: c, agentTask: task}
}

// Usage still authenticates as the user although a task is available.
func (s *Service) Usage(ctx context.Context) (*backend.Usage, error) {
	return s.client.GetUsage(ctx)
}

// Models still authenticates as the user.
func (s *Service) Models(ctx context.Context) ([]backend.Model, error) {
	return s.client.ListModels(ctx)
}

// Attach still authenticates as the user.
func (s *Service) Attach(ctx context.Context, name string, data []byte) (*backend.File, error) {
	return s.client.UploadFile(ctx, name, data)
}

// Task authenticates as the agent task: it passes the task along.
func (s *Service) Task(ctx context.Context, id string) (*backend.Task, error) {
	return s.client.GetTaskAs(ctx, s.agentTask, id)
}

// Stream opens the responses stream with the user token.
func (s *Service) Stream(ctx context.Context, tok string) (*stream.Conn, error) {
	return stream.Connect(ctx, s.baseURL, tok)
}

// Cancel cancels the task, building the request by hand.
func (s *Service) Cancel(ctx context.Context, tok string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.baseURL+"/wham/tasks/"+s.agentTask.ID+"/cancel", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Poll checks a child task while running task, but authenticates as the user.
func Poll(ctx context.Context, c *backend.Client, task *auth.RegisteredAgentTask, childID string) (*backend.Task, error) {
	log.Printf("tasks: %s polls %s", task.ID, childID)
	return c.GetTask(ctx, childID)
}

// Summary has no task in scope: nothing to report here.
func Summary(ctx context.Context, c *backend.Client) (*backend.Usage, error) {
	return c.GetUsage(ctx)
}
