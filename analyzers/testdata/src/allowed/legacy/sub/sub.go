// Package sub is allowed through allowed/legacy/....
package sub

import "net/http"

func Set(h http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok)
}
