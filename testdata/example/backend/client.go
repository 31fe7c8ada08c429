// Package backend is the HTTP client for the Acme backend API.
//
// It predates auth.Provider: every request still carries
// "Authorization: Bearer <user token>", set in newRequest.
package backend

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
)

// Client talks to the backend with a raw user token.
type Client struct {
	baseURL    string
	token      string
	httpClient *http.Client
}

// New returns a client for baseURL that authenticates with token.
func New(baseURL, token string) *Client {
	if token == "" {
		log.Printf("backend: no Bearer token configured; authenticated calls will fail")
	}
	return &Client{baseURL: baseURL, token: token, httpClient: http.DefaultClient}
}

// Usage is the response of /wham/usage.
type Usage struct {
	Requests int `json:"requests"`
	Tokens   int `json:"tokens"`
}

// Task is the response of /wham/tasks/{id}.
type Task struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// File is the response of /files.
type File struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Model is one entry of /codex/models.
type Model struct {
	ID string `json:"id"`
}

type modelList struct {
	Data []Model `json:"data"`
}

// newRequest builds every authenticated backend request.
func (c *Client) newRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	return req, nil
}

func doJSON(hc *http.Client, req *http.Request, out any) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// GetUsage returns the caller's usage.
func (c *Client) GetUsage(ctx context.Context) (*Usage, error) {
	return getJSON[Usage](ctx, c, "/wham/usage")
}

// GetTask returns one task.
func (c *Client) GetTask(ctx context.Context, id string) (*Task, error) {
	return getJSON[Task](ctx, c, "/wham/tasks/"+url.PathEscape(id))
}

// ListModels returns the models available to the caller.
func (c *Client) ListModels(ctx context.Context) ([]Model, error) {
	list, err := getJSON[modelList](ctx, c, "/codex/models")
	if err != nil {
		return nil, err
	}
	return list.Data, nil
}

// UploadFile stores data under name.
func (c *Client) UploadFile(ctx context.Context, name string, data []byte) (*File, error) {
	req, err := c.newRequest(ctx, http.MethodPost, "/files", bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	req.Header.Set("X-File-Name", name)
	var f File
	if err := doJSON(c.httpClient, req, &f); err != nil {
		return nil, err
	}
	return &f, nil
}

// Health reports whether the backend is up. It needs no authentication.
func (c *Client) Health(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/health", nil)
	if err != nil {
		return err
	}
	return doJSON(c.httpClient, req, nil)
}
