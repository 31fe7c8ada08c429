package bearercheck

import (
	"slices"
	"strings"
	"testing"
)

// Secrets cover every line that holds part of a credential: the sink, a
// constant or local it was assigned from, a function of the package that
// returns it, a literal given to a helper, suppressed credentials; and
// nothing else.
func TestSecretLines(t *testing.T) {
	const src = `package p
import "net/http"
const apiTok = "sk-live-1"
func pasted() string {
	return "Bearer sk-live-2"
}
func header(tok string) string { return "Bearer " + tok }
func f(h http.Header, tok string) {
	local := "Bearer sk-live-3"
	h.Set("Authorization", local)
	h.Set("Authorization", "Bearer "+apiTok)
	h.Set("Authorization", pasted())
	h.Set("Authorization", header(
		"sk-live-4"))
	h.Set("Authorization", "Bearer sk-live-5") //bearercheck:ignore fixture
	h.Set("Authorization", "Bearer "+tok)
}`
	p := typeCheck(t, src)
	r := Analyze(p)
	var got []int
	for _, s := range r.Secrets {
		for l := p.Fset.Position(s.Pos).Line; l <= p.Fset.Position(s.End).Line; l++ {
			if !slices.Contains(got, l) {
				got = append(got, l)
			}
		}
	}
	slices.Sort(got)
	var want []int
	for i, line := range strings.Split(src, "\n") {
		if strings.Contains(line, "sk-live") || strings.Contains(line, `"Authorization", local`) ||
			strings.Contains(line, "+apiTok") || strings.Contains(line, "pasted()") && !strings.Contains(line, "func") ||
			strings.Contains(line, "header(") && !strings.Contains(line, "func") {
			want = append(want, i+1)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("secret lines = %v, want %v", got, want)
	}
}
