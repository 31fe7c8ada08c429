// Package agent models agent tasks: work done on the user's behalf that
// authenticates with its own, task-scoped assertion.
package agent

import "example.com/codexclient/coreauth"

// RegisteredAgentTask is a task the backend has registered. Requests made
// for it must carry its assertion instead of the user's token.
type RegisteredAgentTask struct {
	ID       string
	envelope string
}

// Register returns the task id with its signed assertion envelope.
func Register(id, envelope string) *RegisteredAgentTask {
	return &RegisteredAgentTask{ID: id, envelope: envelope}
}

// AuthProvider returns the provider that authenticates as the task.
func (t *RegisteredAgentTask) AuthProvider() coreauth.AuthProvider {
	return assertion(t.envelope)
}

type assertion string

func (a assertion) AuthorizationHeaderValue() string {
	return "AgentAssertion " + string(a)
}
