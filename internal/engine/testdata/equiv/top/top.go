// Package top imports mid, not base.
package top

import (
	"net/http"

	"example.com/equiv/mid"
)

// Run calls mid.
func Run(r *http.Request, tok string) string {
	mid.Do(r, tok)
	r.Header.Set("Authorization", "Bearer "+tok)
	return mid.Logf("%d", "not a number")
}
