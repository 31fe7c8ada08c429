package api

import (
	"context"
	"net/http"
	"net/url"
)

// Models is migrated: the provider hands out the header value.
func (a *API) Models(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+"/codex/models", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", a.p.AuthorizationHeaderValue())
	return a.hc.Do(req)
}

// Task is migrated through a local variable.
func (a *API) Task(ctx context.Context, id string) (*http.Response, error) {
	u := url.URL{Scheme: "https", Host: "api.example.com", Path: "/wham/tasks/" + id}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	authz := a.p.AuthorizationHeaderValue()
	req.Header.Set("Authorization", authz)
	return a.hc.Do(req)
}
