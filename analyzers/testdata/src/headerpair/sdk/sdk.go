// Package sdk carries header pairs in structs and applies them later.
package sdk

import "net/http"

// AuthKey is the Authorization header's name.
const AuthKey = "Authorization"

// HeaderParams is a header pair.
type HeaderParams struct {
	Key   string
	Value string
}

// Header is a pair with other fields around it.
type Header struct {
	Name      string
	Sensitive bool
	Values    []string
}

// Apply writes the pairs to a request.
func Apply(req *http.Request, ps ...*HeaderParams) {
	for _, p := range ps {
		req.Header.Set(p.Key, p.Value)
	}
}
