package backend

import (
	"context"
	"net/http"
	"net/url"
)

// Usage is the caller's usage.
type Usage struct {
	Requests int `json:"requests"`
}

// Task is one cloud task.
type Task struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// NewTask is the body of a task creation.
type NewTask struct {
	Prompt string `json:"prompt"`
}

// File is an uploaded file.
type File struct {
	ID string `json:"id"`
}

// Model is a model the caller may use.
type Model struct {
	Slug string `json:"slug"`
}

// Environment is a cloud environment.
type Environment struct {
	ID string `json:"id"`
}

// Requirements are the caller's configuration requirements.
type Requirements struct {
	Sandbox string `json:"sandbox"`
}

// GetUsage returns /wham/usage.
func (c *Client) GetUsage(ctx context.Context) (*Usage, error) {
	var u Usage
	return &u, c.call(ctx, http.MethodGet, "/wham/usage", nil, &u)
}

// GetTask returns /wham/tasks/{id}.
func (c *Client) GetTask(ctx context.Context, id string) (*Task, error) {
	var t Task
	return &t, c.call(ctx, http.MethodGet, "/wham/tasks/"+url.PathEscape(id), nil, &t)
}

// ListTasks returns /wham/tasks.
func (c *Client) ListTasks(ctx context.Context) ([]Task, error) {
	var page struct {
		Items []Task `json:"items"`
	}
	err := c.call(ctx, http.MethodGet, "/wham/tasks", nil, &page)
	return page.Items, err
}

// CreateTask posts to /wham/tasks.
func (c *Client) CreateTask(ctx context.Context, nt NewTask) (*Task, error) {
	var t Task
	return &t, c.call(ctx, http.MethodPost, "/wham/tasks", nt, &t)
}

// ListEnvironments returns /wham/environments.
func (c *Client) ListEnvironments(ctx context.Context) ([]Environment, error) {
	var envs []Environment
	err := c.call(ctx, http.MethodGet, "/wham/environments", nil, &envs)
	return envs, err
}

// GetRequirements returns /wham/config/requirements.
func (c *Client) GetRequirements(ctx context.Context) (*Requirements, error) {
	var r Requirements
	return &r, c.call(ctx, http.MethodGet, "/wham/config/requirements", nil, &r)
}

// ListModels returns /codex/models.
func (c *Client) ListModels(ctx context.Context) ([]Model, error) {
	var list struct {
		Models []Model `json:"models"`
	}
	err := c.call(ctx, http.MethodGet, "/codex/models", nil, &list)
	return list.Models, err
}

// GetFile returns /files/{id}.
func (c *Client) GetFile(ctx context.Context, id string) (*File, error) {
	var f File
	return &f, c.call(ctx, http.MethodGet, "/files/"+url.PathEscape(id), nil, &f)
}

// DeleteFile deletes /files/{id}.
func (c *Client) DeleteFile(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodDelete, "/files/"+url.PathEscape(id), nil, nil)
}
