// Package resty is a stub of github.com/go-resty/resty/v2 with the real
// signatures.
package resty

// Client is the resty client.
type Client struct {
	Header map[string][]string
	Token  string
}

// Request is a resty request.
type Request struct {
	client *Client
	Token  string
}

// New creates a new resty client.
func New() *Client { return &Client{Header: map[string][]string{}} }

// R creates a new request.
func (c *Client) R() *Request { return &Request{client: c} }

// SetHeader sets a single header field and its value in the client instance.
func (c *Client) SetHeader(header, value string) *Client {
	c.Header[header] = []string{value}
	return c
}

// SetAuthToken sets the auth token of the Authorization header for all
// requests; the scheme is Bearer by default.
func (c *Client) SetAuthToken(token string) *Client {
	c.Token = token
	return c
}

// SetHeader sets a single header field and its value in the current request.
func (r *Request) SetHeader(header, value string) *Request { return r }

// SetAuthToken sets the auth token of the Authorization header for the
// current request; the scheme is Bearer by default.
func (r *Request) SetAuthToken(token string) *Request {
	r.Token = token
	return r
}

// Get sends a GET request.
func (r *Request) Get(url string) (any, error) { return nil, nil }
