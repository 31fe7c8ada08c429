// Package basicsdk is a stub of SDKs that send other schemes, or take the
// scheme from their input: calling them is never a Bearer site.
package basicsdk

import "net/http"

// Client sends its token with the Token scheme.
type Client struct{ token string }

// New stores the token.
func New(token string) *Client { return &Client{token: token} }

// Do sends a request.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Token "+c.token)
	return http.DefaultClient.Do(req)
}

// VaultClient sends its token in X-Vault-Token.
type VaultClient struct{ token string }

// NewVault stores the token.
func NewVault(token string) *VaultClient { return &VaultClient{token: token} }

// Do sends a request.
func (c *VaultClient) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("X-Vault-Token", c.token)
	return http.DefaultClient.Do(req)
}

// SchemeClient sends the scheme it is given.
type SchemeClient struct{ scheme, cred string }

// NewScheme stores the scheme and the credential.
func NewScheme(scheme, cred string) *SchemeClient { return &SchemeClient{scheme: scheme, cred: cred} }

// Do sends a request.
func (c *SchemeClient) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", c.scheme+" "+c.cred)
	return http.DefaultClient.Do(req)
}

// Server reads incoming headers.
func Server(r *http.Request) string {
	return r.Header.Get("Authorization")
}
