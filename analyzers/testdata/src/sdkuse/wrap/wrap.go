// Package wrap wraps an SDK's constructor: the wrapper is a bearer-only
// helper, and the SDK call in it the site.
package wrap

import "github.com/acme/cloud"

// Client returns an SDK client for tok.
func Client(tok string) *cloud.Client { // want[bearerdetect] Client:`^bearerOnly\(tok\)$` want[bearerhelper] `^Client is a bearer-only helper: it sends parameter tok as a Bearer token`
	return cloud.NewClient(tok) // want[bearerheader] `^cloud\.NewClient sets a Bearer Authorization header;`
}
