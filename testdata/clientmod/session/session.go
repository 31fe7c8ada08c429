// Package session runs conversations with the backend, for the signed-in
// user or for an agent task.
package session

import (
	"context"

	"example.com/codexclient/agent"
	"example.com/codexclient/backend"
	"example.com/codexclient/coreauth"
)

// Session holds the backend client of one login; task is set when the
// session runs for an agent task.
type Session struct {
	baseURL string
	login   *coreauth.CoreAuthProvider
	client  *backend.Client
	task    *agent.RegisteredAgentTask
}

// New returns a session for login; task may be nil.
func New(baseURL string, login *coreauth.CoreAuthProvider, task *agent.RegisteredAgentTask) *Session {
	client := backend.NewClient(backend.Config{BaseURL: baseURL, Token: login.BearerToken()})
	return &Session{baseURL: baseURL, login: login, client: client, task: task}
}

// Models lists the models; it still authenticates as the user.
func (s *Session) Models(ctx context.Context) ([]backend.Model, error) {
	return s.client.ListModels(ctx)
}

// Thread starts thread id in the session.
func (s *Session) Thread(id string) *Thread {
	return NewThread(id, s.baseURL, s.login.BearerToken(), s.task)
}
