// Package receivers has helpers whose token is a receiver field.
package receivers

import (
	"fmt"
	"net/http"
)

type ptrClient struct {
	token string
}

func (c *ptrClient) authorize(req *http.Request) { // want[bearerdetect] authorize:`^bearerOnly\(\.token\)$` want[bearerhelper] `^ptrClient\.authorize is a bearer-only helper: it sends field c\.token `
	req.Header.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

type valueClient struct {
	apiKey string
}

func (c valueClient) authorize(h http.Header) { // want[bearerdetect] authorize:`^bearerOnly\(\.apiKey\)$` want[bearerhelper] `^valueClient\.authorize is a bearer-only helper: it sends field c\.apiKey `
	h["Authorization"] = []string{"Bearer " + c.apiKey} // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

type sprintfClient struct {
	secret string
}

func (c sprintfClient) header() string { // want[bearerdetect] header:`^bearerOnly\(\.secret\) returnsBearer$` want[bearerhelper] `^sprintfClient\.header is a bearer-only helper: it sends field c\.secret `
	return fmt.Sprintf("Bearer %s", c.secret)
}
