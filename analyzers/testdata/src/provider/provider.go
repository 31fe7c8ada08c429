package provider

import "net/http"

// Provider is an AuthProvider.
type Provider struct{ token string }

// AuthorizationHeaderValue is the one sanctioned place to build "Bearer …".
func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

// BearerToken is the token accessor.
func (p *Provider) BearerToken() string { return p.token }

// HeaderProvider's provider method even writes a header: still exempt.
type HeaderProvider struct{ token string }

func (p HeaderProvider) AuthorizationHeaderValue() (string, error) {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+p.token)
	return h.Get("Authorization"), nil
}

// Migrated sites: never reported.
func migrated(req *http.Request, p *Provider) {
	req.Header.Set("Authorization", p.AuthorizationHeaderValue())
}

func migratedLocal(req *http.Request, p *Provider) {
	authz := p.AuthorizationHeaderValue()
	req.Header.Set("Authorization", authz)
}

func migratedWithError(req *http.Request, p HeaderProvider) error {
	authz, err := p.AuthorizationHeaderValue()
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", authz)
	return nil
}

// OptionalProvider's provider method returns (string, bool).
type OptionalProvider struct{ token string }

func (p *OptionalProvider) AuthorizationHeaderValue() (string, bool) {
	return "Bearer " + p.token, p.token != ""
}

func migratedWithOK(req *http.Request, p *OptionalProvider) {
	if authz, ok := p.AuthorizationHeaderValue(); ok {
		req.Header.Set("Authorization", authz)
	}
}

// A provider in scope is the way out named in the message.
func accessor(req *http.Request, p *Provider) {
	req.Header.Set("Authorization", "Bearer "+p.BearerToken()) // want[bearerheader] `; use p\.AuthorizationHeaderValue\(\)$`
}

func rawToken(req *http.Request, auth *Provider, tok string) {
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `; use auth\.AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

type Client struct {
	hc   *http.Client
	auth *Provider
}

func (c *Client) providerField(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+c.auth.BearerToken()) // want[bearerheader] `; use c\.auth\.AuthorizationHeaderValue\(\)$`
}
