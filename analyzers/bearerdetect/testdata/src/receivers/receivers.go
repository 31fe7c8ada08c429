// Package receivers has helpers whose token is a receiver field.
package receivers

import (
	"fmt"
	"net/http"
)

type ptrClient struct {
	token string
}

func (c *ptrClient) authorize(req *http.Request) { // want authorize:`^bearerOnly\(\.token\)$`
	req.Header.Set("Authorization", "Bearer "+c.token)
}

type valueClient struct {
	apiKey string
}

func (c valueClient) authorize(h http.Header) { // want authorize:`^bearerOnly\(\.apiKey\)$`
	h["Authorization"] = []string{"Bearer " + c.apiKey}
}

type sprintfClient struct {
	secret string
}

func (c sprintfClient) header() string { // want header:`^bearerOnly\(\.secret\) returnsBearer$`
	return fmt.Sprintf("Bearer %s", c.secret)
}
