package fields

import "net/http"

type Client struct {
	hc          *http.Client
	bearerToken string
	authz       string
	mixed       string
}

func NewClient(hc *http.Client, token string) *Client { // want[bearerhelper] `^NewClient is a bearer-only helper: it sends parameter token as a Bearer token`
	return &Client{hc: hc, bearerToken: "Bearer " + token, mixed: "Bearer " + token}
}

func (c *Client) SetToken(token string) { // want[bearerhelper] `^Client.SetToken is a bearer-only helper: it sends parameter token as a Bearer token`
	c.authz = "Bearer " + token
}

func (c *Client) UseBasic(creds string) {
	c.mixed = "Basic " + creds
}

func (c *Client) newRequest(method, url string) (*http.Request, error) { // want[bearerhelper] `^Client.newRequest is a bearer-only helper: it sends field c.bearerToken as a Bearer token`
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", c.bearerToken) // want[bearerheader] `hard-codes the Bearer scheme`
	return req, nil
}

func (c *Client) setAuth(req *http.Request) { // want[bearerhelper] `^Client.setAuth is a bearer-only helper: it sends field c.authz as a Bearer token`
	req.Header.Set("Authorization", c.authz) // want[bearerheader] `hard-codes the Bearer scheme`
}

// mixed has one non-bearer assignment: not a bearer value; NewClient,
// which stores a bearer value into it, is still a helper.
func (c *Client) setMixed(req *http.Request) {
	req.Header.Set("Authorization", c.mixed)
}
