// Package crossfield writes a field that another package's constructor
// set to a bearer value.
package crossfield

import (
	"net/http"

	"crossfield/sdk"
)

func do(req *http.Request, c *sdk.Client) { // want[bearerdetect] do:`^bearerOnly\(c.AuthHeader\)$` want[bearerhelper] `^do is a bearer-only helper: it sends field c.AuthHeader as a Bearer token`
	req.Header.Set("Authorization", c.AuthHeader) // want[bearerheader] `hard-codes the Bearer scheme`
	req.Header.Set("Authorization", c.Mixed)
	req.Header.Set("User-Agent", c.UserAgent)
}
