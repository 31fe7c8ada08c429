// Package legacy is allowed as a whole (allowed/legacy/...).
package legacy

import "net/http"

var defaults = http.Header{"Authorization": {"Bearer static-token"}}

func Set(h http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok)
}
