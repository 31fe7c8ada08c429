package task

import "net/http"

type AgentTask struct{ ID string }

type RegisteredAgentTask struct{ ID string }

func taskParam(req *http.Request, task *AgentTask, tok string) {
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `ignores agent task task; use the AuthorizationHeaderValue\(\) of an AuthProvider for task \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

type Session struct {
	token     string
	agentTask *RegisteredAgentTask
}

func (s *Session) taskField(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+s.token) // want[bearerheader] `ignores agent task s\.agentTask; use the AuthorizationHeaderValue\(\) of an AuthProvider for s\.agentTask \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

func paramField(req *http.Request, sess Session, tok string) {
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `ignores agent task sess\.agentTask`
}

func taskLocal(req *http.Request, tok string) {
	t := &AgentTask{ID: "t1"}
	_ = t
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `ignores agent task t;`
}

// No task available: the message names none.
func noTask(req *http.Request, tok string) {
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}
