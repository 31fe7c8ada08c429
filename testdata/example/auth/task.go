package auth

import "time"

// AgentTask is the identity of one agent task. Requests made on behalf of
// a task must authenticate with the task's assertion, not the user token.
type AgentTask struct {
	ID       string
	Envelope string
}

var _ Provider = (*AgentTask)(nil)

// AuthorizationHeaderValue implements Provider for task-scoped requests.
func (t *AgentTask) AuthorizationHeaderValue() string {
	return "AgentAssertion " + t.Envelope
}

// RegisteredAgentTask is an AgentTask that the backend has acknowledged.
type RegisteredAgentTask struct {
	AgentTask
	RegisteredAt time.Time
}
