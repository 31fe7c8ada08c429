// Package mid imports base.
package mid

import (
	"fmt"
	"net/http"

	"example.com/equiv/base"
)

// Do sends a request with a header built by base.
func Do(r *http.Request, tok string) {
	r.Header.Set("Authorization", base.Bearer(tok))
	base.Default.Set(r)
}

// Logf is a printf wrapper.
func Logf(format string, args ...any) string {
	return fmt.Sprintf(format, args...)
}

// Retries uses base's unexported type through its API.
func Retries() int { return base.Options().Retries() }
