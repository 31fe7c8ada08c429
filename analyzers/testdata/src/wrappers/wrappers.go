// Package wrappers: functions that keep a bearer value, and format verbs
// with flags, widths and argument indexes.
package wrappers

import (
	"fmt"
	"net/http"
	"strings"
)

func keep(h http.Header, tok string) {
	h.Set("Authorization", strings.TrimSpace("Bearer "+tok))                         // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", strings.TrimSpace("  Bearer "+tok))                       // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", strings.Replace("Bearer TOKEN", "TOKEN", tok, 1))         // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", strings.ReplaceAll("Bearer {{token}}", "{{token}}", tok)) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", strings.TrimSuffix("Bearer "+tok, "\n"))                  // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", fmt.Sprint("Bearer ", tok))                               // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", strings.TrimPrefix("x-Bearer "+tok, "x-"))                // want[bearerheader] `hard-codes the Bearer scheme`
}

func keepNot(h http.Header, tok string) {
	h.Set("Authorization", strings.Replace("Bearer "+tok, "Bearer", "Token", 1))
	h.Set("Authorization", strings.TrimPrefix("Bearer "+tok, "Bearer "))
	h.Set("Authorization", strings.TrimSpace("Bearer"+tok))
}

func verbs(h http.Header, tok string) {
	h.Set("Authorization", fmt.Sprintf("%-7s%s", "Bearer", tok))      // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", fmt.Sprintf("%[2]s %[1]s", tok, "Bearer")) // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", fmt.Sprintf("%s %-10s", "Bearer", tok))    // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", fmt.Sprintf("%.6s %s", "Bearerx", tok))    // want[bearerheader] `hard-codes the Bearer scheme`
	h.Set("Authorization", fmt.Sprintf("%*s %s", 6, "Bearer", tok))   // want[bearerheader] `hard-codes the Bearer scheme`
}

func verbsNot(h http.Header, tok string) {
	h.Set("Authorization", fmt.Sprintf("%q %s", "Bearer", tok))
	h.Set("Authorization", fmt.Sprintf("%8s %s", "Bearer", tok))
	h.Set("Authorization", fmt.Sprintf("%[2]s %[1]s", "Bearer", tok))
	h.Set("Authorization", fmt.Sprintf("%.3s %s", "Bearer", tok))
}
