package bearerapi

import (
	"net/http"

	"github.com/go-resty/resty/v2"
	"golang.org/x/oauth2"
)

func oauth(tok *oauth2.Token, req *http.Request) {
	tok.SetAuthHeader(req) // want[bearerheader] `^oauth2\.Token\.SetAuthHeader sets a Bearer Authorization header; use an AuthProvider's AuthorizationHeaderValue\(\)$`
}

func restyClient(tok string) *resty.Client {
	return resty.New().SetAuthToken(tok) // want[bearerheader] `resty\.Client\.SetAuthToken sets a Bearer Authorization header`
}

func restyRequest(c *resty.Client, tok string) (any, error) {
	return c.R().SetAuthToken(tok).Get("https://api.example.com/files") // want[bearerheader] `resty\.Request\.SetAuthToken sets a Bearer Authorization header`
}

func notReported(tok *oauth2.Token, c *resty.Client) string {
	c.SetHeader("Accept", "application/json")
	return tok.Type()
}
