// Package redact holds the one rule every output applies to string
// constants taken from source: which of them could hold a credential.
// The core marks the lines that hold them (context lines and diffs never
// print those), and the report prints them as [redacted].
package redact

import (
	"strings"
	"unicode"
)

// MayHoldCredential reports whether the text of a string constant could
// hold a credential: it has more than an authorization scheme, format
// verbs, punctuation and white space.
func MayHoldCredential(text string) bool {
	_, rest := SplitScheme(text)
	rest = strings.ReplaceAll(rest, "%s", "")
	rest = strings.ReplaceAll(rest, "%v", "")
	return strings.TrimFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '_' && r != '-' }) != ""
}

// SplitScheme splits the authorization scheme (or header name) text
// begins with, in any case, from the rest.
func SplitScheme(text string) (scheme, rest string) {
	for _, sch := range []string{"bearer", "basic", "agentassertion", "authorization", "token"} {
		if len(text) >= len(sch) && strings.EqualFold(text[:len(sch)], sch) {
			return text[:len(sch)], text[len(sch):]
		}
	}
	return "", text
}
