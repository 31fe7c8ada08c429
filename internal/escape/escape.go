// Package escape makes text taken from source files or from a baseline
// safe to print on a terminal or in a CI log: control characters and
// line breaks become Go escapes, so that an ESC sequence cannot rewrite
// the screen and a newline cannot forge a line of output.
package escape

import (
	"strconv"
	"strings"
	"unicode"
)

// String returns s with every control character (tab and line breaks
// included), Unicode line and paragraph separator and invalid byte
// written as a Go escape (\x1b, \n, \u2028); s itself when it has none.
func String(s string) string { return escape(s, false) }

// Line is String for a line of source code: tabs (its indentation) are
// kept.
func Line(s string) string { return escape(s, true) }

func escape(s string, tabs bool) string {
	bad := func(r rune) bool {
		return (unicode.IsControl(r) && !(tabs && r == '\t')) || r == '\u2028' || r == '\u2029' || r == unicode.ReplacementChar
	}
	if strings.IndexFunc(s, bad) < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == unicode.ReplacementChar && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16)) // an invalid byte
		case bad(r) && r != unicode.ReplacementChar:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
