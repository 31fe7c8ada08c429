package helpermsg

import (
	"context"
	"net/http"
	"strings"
)

type Identity interface {
	GetToken(ctx context.Context, client *http.Client) (string, error)
}

// The token is the result of a call: the call is its source, not the
// parameters that flow into it.
func authorize(ctx context.Context, req *http.Request, identity Identity, httpClient *http.Client) error { // want[bearerhelper] `^authorize is a bearer-only helper: it sends the result of identity.GetToken as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$` want[bearerdetect] authorize:`^bearerOnly\(identity.GetToken\(\)\)$`
	tok, err := identity.GetToken(ctx, httpClient)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
	return nil
}

type TokenSource interface{ Token() (string, error) }

type Client struct {
	ts                TokenSource
	authType          string
	token, user, pass string
}

func (c *Client) do(req *http.Request) { // want[bearerhelper] `^Client.do is a bearer-only helper: it sends the result of c.ts.Token as a Bearer token;` want[bearerdetect] do:`^bearerOnly\(c.ts.Token\(\)\)$`
	tok, _ := c.ts.Token()
	req.Header.Set("Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// A call that transforms a string names the string.
func trimmed(req *http.Request, tok string) { // want[bearerhelper] `^trimmed is a bearer-only helper: it sends parameter tok as a Bearer token;` want[bearerdetect] trimmed:`^bearerOnly\(tok\)$`
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(tok)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// A helper that chooses between schemes hard-codes Bearer for one of them.
func (c *Client) setAuth(req *http.Request) { // want[bearerhelper] `^Client.setAuth hard-codes the Bearer scheme for one of its auth types: it sends field c.token as a Bearer token; accept an AuthProvider and use its AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$` want[bearerdetect] setAuth:`^bearerOnly\(.token\) otherSchemes$`
	switch c.authType {
	case "bearer":
		req.Header.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
	case "token":
		req.Header.Set("Authorization", "Token token="+c.token)
	}
}

func (c *Client) setAuthOrBasic(req *http.Request) { // want[bearerhelper] `^Client.setAuthOrBasic hard-codes the Bearer scheme for one of its auth types: it sends field c.token as a Bearer token;` want[bearerdetect] setAuthOrBasic:`^bearerOnly\(.token\) otherSchemes$`
	if c.authType == "basic" {
		req.SetBasicAuth(c.user, c.pass)
		return
	}
	req.Header.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}
