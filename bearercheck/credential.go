package bearercheck

import (
	"strings"
	"unicode"
)

// The constant text that follows the Bearer scheme in a value says what the
// value is:
//
//   - a mask ("Bearer ****", "Bearer REDACTED", "Bearer <redacted>",
//     "Bearer xxxxx"): a log redaction table, never a header a client
//     sends, so not a bearer value at all;
//   - a placeholder ("Bearer <token>", "Bearer YOUR_TOKEN_HERE",
//     "Bearer ${TOKEN}"): a site when written to a request, never a
//     hard-coded credential;
//   - anything else constant: a hard-coded credential.

// maskWords are the words a redaction table writes in place of a secret.
var maskWords = map[string]bool{
	"redacted": true, "masked": true, "hidden": true, "removed": true,
	"omitted": true, "filtered": true, "sanitized": true, "sanitised": true,
	"scrubbed": true, "censored": true, "obfuscated": true,
}

// placeholderWords are the words of a documentation placeholder.
var placeholderWords = []string{"token", "your", "key", "secret", "jwt", "credential", "access", "api", "here", "insert", "replace", "example", "changeme", "xxx"}

// isMask reports whether the text that follows the scheme is a mask.
func isMask(rest string) bool {
	s := strings.TrimSpace(rest)
	if s == "" {
		return false
	}
	if maskWords[strings.ToLower(strings.Trim(s, "<>[](){}*#_-. "))] {
		return true
	}
	// A run of mask characters, possibly followed by the last characters
	// of the real token ("****abcd" is still a mask: nothing sendable).
	n := 0
	for _, r := range s {
		if !strings.ContainsRune("*xX•#.…", r) {
			break
		}
		n++
	}
	return n >= 3 && (n == len([]rune(s)) || strings.ContainsRune("*•#…", []rune(s)[0]))
}

// isPlaceholder reports whether the constant text that follows the scheme
// is a documentation placeholder rather than a credential.
func isPlaceholder(rest string) bool {
	s := strings.TrimSpace(rest)
	if s == "" {
		return false
	}
	// Bracketed or templated: <token>, {token}, {{ .Token }}, ${TOKEN}, [TOKEN], %TOKEN%.
	for _, p := range [][2]string{{"<", ">"}, {"{", "}"}, {"${", "}"}, {"[", "]"}, {"%", "%"}, {"(", ")"}} {
		if len(s) > len(p[0])+len(p[1]) && strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) {
			return true
		}
	}
	if strings.HasPrefix(s, "$") && isIdent(s[1:]) {
		return true // $TOKEN
	}
	lower := strings.ToLower(s)
	// An identifier-like word made of placeholder words: YOUR_TOKEN_HERE,
	// your-api-key, ACCESS_TOKEN, TOKEN.
	if !isIdent(strings.ReplaceAll(s, "-", "_")) {
		return false
	}
	allUpper := strings.ToUpper(s) == s && strings.ToLower(s) != s
	hasWord := false
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			hasWord = true
			break
		}
	}
	return hasWord && (allUpper || strings.HasPrefix(lower, "your") || strings.Contains(lower, "here") || strings.HasPrefix(lower, "insert") || strings.HasPrefix(lower, "replace"))
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
