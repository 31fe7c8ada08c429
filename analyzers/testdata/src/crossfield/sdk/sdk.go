// Package sdk sets an exported field to a bearer value in its constructor;
// another package writes it to a request.
package sdk

// Client holds the Authorization header value it was built with.
type Client struct {
	AuthHeader string // want[bearerdetect] AuthHeader:`^bearerField$`
	UserAgent  string
	Mixed      string
}

func New(tok string) *Client { // want[bearerdetect] New:`^bearerOnly\(tok\) storesToken\(tok\)$` want[bearerhelper] `^New is a bearer-only helper: it sends parameter tok as a Bearer token`
	return &Client{AuthHeader: "Bearer " + tok, UserAgent: "sdk/1.0", Mixed: "Bearer " + tok}
}

// UseBasic gives Mixed another scheme.
func (c *Client) UseBasic(creds string) { c.Mixed = "Basic " + creds }

// Header writes the value itself too.
func (c *Client) Header() map[string]string { // want[bearerdetect] Header:`^bearerOnly\(\.AuthHeader\)$` want[bearerhelper] `^Client.Header is a bearer-only helper`
	return map[string]string{"Authorization": c.AuthHeader} // want[bearerheader] `hard-codes the Bearer scheme`
}
