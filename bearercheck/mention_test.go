package bearercheck

import (
	"strings"
	"testing"
)

// mentionsAuth is strings.ToLower followed by strings.Contains, without
// the allocation on ASCII text.
func mentionsAuthRef(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "bearer") || strings.Contains(s, "authorization")
}

func TestMentionsAuth(t *testing.T) {
	for _, s := range []string{
		"", "b", "bearer", "Bearer ", "BEARER", "xBeArEry", "beare", "bearerX",
		"Authorization", "AUTHORIZATION", "authorizatio", "x-authorization-y",
		"Proxy-Authenticate", "Basic ", "token", "bear er",
		"authorİzation", "authorıbearer", "Ünicode Bearer", "héllo", "BEARER\u212a",
		"\xff bearer", "\xffbEarer", "ab\x00bearer",
	} {
		if got, want := mentionsAuth(s), mentionsAuthRef(s); got != want {
			t.Errorf("mentionsAuth(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzMentionsAuth(f *testing.F) {
	f.Add("Bearer x")
	f.Add("authorİzation")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mentionsAuth(s), mentionsAuthRef(s); got != want {
			t.Errorf("mentionsAuth(%q) = %v, want %v", s, got, want)
		}
	})
}
