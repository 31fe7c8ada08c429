package session

import (
	"context"

	"example.com/codexclient/agent"
	"example.com/codexclient/backend"
	"example.com/codexclient/realtime"
	"example.com/codexclient/rpcmeta"
)

// Thread is one conversation. When it runs for an agent task, agentTask is
// set, and its requests should authenticate as the task.
type Thread struct {
	id        string
	baseURL   string
	token     string
	client    *backend.Client
	agentTask *agent.RegisteredAgentTask
}

// NewThread starts thread id with the user's token; task may be nil.
func NewThread(id, baseURL, token string, task *agent.RegisteredAgentTask) *Thread {
	return &Thread{id: id, baseURL: baseURL, token: token, client: backend.New(baseURL, token), agentTask: task}
}

// Usage reports usage; it ignores the thread's agent task.
func (t *Thread) Usage(ctx context.Context) (*backend.Usage, error) {
	return t.client.GetUsage(ctx)
}

// AttachFile uploads a file for the thread; it ignores the agent task.
func (t *Thread) AttachFile(ctx context.Context, name string, data []byte) (*backend.File, error) {
	return t.client.UploadFile(ctx, name, data)
}

// OpenStream opens the thread's responses stream; it ignores the agent task.
func (t *Thread) OpenStream(ctx context.Context) (*realtime.Stream, error) {
	return realtime.Dial(ctx, t.baseURL, t.token, t.id)
}

// Resume resumes the thread through the RPC gateway; it ignores the agent
// task.
func (t *Thread) Resume(ctx context.Context) error {
	md := rpcmeta.Metadata(t.token, t.id)
	return rpcmeta.Invoke(ctx, t.baseURL, "/codex.v1.Threads/Resume", md, map[string]string{"thread_id": t.id}, nil)
}

// Ready reports whether the backend is up; it needs no credentials.
func (t *Thread) Ready(ctx context.Context) bool {
	return t.client.Health(ctx) == nil
}
