package bearercheck

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// mentionsAuth is strings.ToLower followed by strings.Contains, without
// the copy.
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
		"author\xc4\xb0zat\xc4\xb0on", "author\xc4zation", "author\xb0zation", "\xc4\xb0authorization"[2:],
		"authorizat\xc4\xb0o", "authorizat\xc4\xb0on", "bear\xe2\x84\xaaer", "authoriza\xe2\x84\xaation",
		"\xe0\xc4\xb0authorization", "author\xe0\xc4\xb0zation", "author\xc4\xc4\xb0zation", "BEAR\xc4\xb0ER",
	} {
		if got, want := mentionsAuth(s), mentionsAuthRef(s); got != want {
			t.Errorf("mentionsAuth(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzMentionsAuth(f *testing.F) {
	f.Add("Bearer x")
	f.Add("authorİzation")
	f.Add("AUTHOR\xc4\xb0ZAT\xc4\xb0ON")
	f.Add("xx\xe2\x84\xaaBearer")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mentionsAuth(s), mentionsAuthRef(s); got != want {
			t.Errorf("mentionsAuth(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestMentionsAuthMutations compares mentionsAuth with strings.ToLower on
// the two words with letters changed in case, i written as U+0130 and
// bytes of other runes, valid or not, inserted or replacing letters.
func TestMentionsAuthMutations(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	bits := []string{"\xc4", "\xb0", "\xc4\xb0", "\xe2\x84\xaa", "\xe0", "\xff", "é", "İ", "ı", "K", "x", " ", "I", "i"}
	for n := 0; n < 200000; n++ {
		w := "bearer"
		if r.IntN(2) == 0 {
			w = "authorization"
		}
		var b strings.Builder
		for _, c := range []byte(w) {
			switch r.IntN(8) {
			case 0:
				b.WriteString(bits[r.IntN(len(bits))])
			case 1:
				b.WriteString(bits[r.IntN(len(bits))])
				b.WriteByte(c)
			case 2:
				if c == 'i' {
					b.WriteString("\xc4\xb0")
					continue
				}
				fallthrough
			case 3:
				b.WriteByte(c - 'a' + 'A')
			default:
				b.WriteByte(c)
			}
		}
		s := b.String()
		if got, want := mentionsAuth(s), mentionsAuthRef(s); got != want {
			t.Fatalf("mentionsAuth(%q) = %v, want %v", s, got, want)
		}
	}
}
