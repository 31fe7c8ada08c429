// Package svc is the middle of the chain.
package svc

import "api"

// FetchUsage passes its client on: bearer-only across packages.
func FetchUsage(c *api.Client) (api.Usage, error) { // want[bearerdetect] FetchUsage:`^bearerOnlyVia\(c\.token\)$`
	return c.GetUsage()
}
