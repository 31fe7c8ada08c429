// Package a has an exported helper that package b calls.
package a

import "auth"

var _ auth.Provider = nil

// Header formats a raw token.
func Header(tok string) string { // want `^Header is a bearer-only helper`
	return "Bearer " + tok
}
