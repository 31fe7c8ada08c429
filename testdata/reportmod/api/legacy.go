package api

import (
	"context"
	"net/http"

	"example.com/reportmod/auth"
)

// Legacy talks to a proxy that only accepts bearer tokens.
func (a *API) Legacy(ctx context.Context, tok string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+"/legacy/status", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok) //bearercheck:ignore legacy proxy only accepts bearer tokens
	return a.hc.Do(req)
}

// Export still builds the header from the provider's raw token: the fix
// uses the provider.
func (a *API) Export(ctx context.Context, p *auth.Provider) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/admin/export", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+p.BearerToken())
	return a.hc.Do(req)
}
