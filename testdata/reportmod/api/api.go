// Package api is the backend API, built on httpx.
package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"example.com/reportmod/auth"
	"example.com/reportmod/httpx"
)

// API is the backend API.
type API struct {
	c    *httpx.Client
	base string
	p    *auth.Provider
	hc   *http.Client
}

// Usage returns the caller's usage.
func (a *API) Usage(ctx context.Context) (map[string]int, error) {
	var u map[string]int
	err := a.c.GetJSON(ctx, "/wham/usage", &u)
	return u, err
}

// SiblingTurns lists the sibling turns of a turn.
func (a *API) SiblingTurns(ctx context.Context, task, turn string) ([]string, error) {
	var out []string
	err := a.c.GetJSON(ctx, fmt.Sprintf("/wham/tasks/%s/turns/%s/sibling_turns", task, turn), &out)
	return out, err
}

// Upload posts a file.
func (a *API) Upload(ctx context.Context) (*http.Response, error) {
	req, err := a.c.NewRequest(ctx, http.MethodPost, "/files")
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

// Poll reads a task while an agent task is available, and ignores it.
func (a *API) Poll(ctx context.Context, task *auth.AgentTask, id string) error {
	var out any
	return a.c.GetJSON(ctx, "/wham/tasks/"+url.PathEscape(id), &out)
}

// Health needs no authorization: it is no site and never listed.
func (a *API) Health(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+"/health", nil)
	if err != nil {
		return err
	}
	_, err = a.hc.Do(req)
	return err
}
