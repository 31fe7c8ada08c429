// Package taskfix calls migrated APIs while an agent task is available:
// the task fix passes the task's provider when the task is present.
package taskfix

import (
	"migrated"
	"net/http"
)

type Service struct {
	client    *migrated.Client
	agentTask *migrated.AgentTask
}

func (s *Service) Get(r *http.Request) {
	s.client.Get(r) // want[taskauth] `^call to migrated\.Client\.Get ignores agent task s\.agentTask; call it through WithAuth with the task's provider$`
}

func (s *Service) Connect(h http.Header, tok string) {
	migrated.Connect(h, tok) // want[taskauth] `^call to migrated\.Connect ignores agent task s\.agentTask; call ConnectWithAuth with the task's provider$`
}

func (s *Service) Passes(r *http.Request) {
	s.client.WithAuth(s.agentTask).Get(r)
	migrated.ConnectWithAuth(r.Header, s.agentTask)
}

func (s *Service) Send(r *http.Request, p migrated.Provider) {
	if v := p.AuthorizationHeaderValue(); v != "" { // want[taskauth] `^call to migrated\.Provider\.AuthorizationHeaderValue ignores agent task s\.agentTask; use the task's provider when the task is present$`
		r.Header.Set("Authorization", v)
	}
}

func Poll(c *migrated.Client, task *migrated.RegisteredAgentTask, r *http.Request) {
	client := 1
	_ = client
	c.Get(r) // want[taskauth] `^call to migrated\.Client\.Get ignores agent task task; call it through WithAuth with the task's provider$`
}

func Value(task migrated.AgentTask, h http.Header, tok string) {
	migrated.Connect(h, tok) // want[taskauth] `^call to migrated\.Connect ignores agent task task; call ConnectWithAuth with the task's provider$`
}

func NoTask(c *migrated.Client, r *http.Request) {
	c.Get(r)
}
