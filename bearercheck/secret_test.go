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

// Every line that holds any part of a credential the analysis found is a
// secret line: writes to a builder or buffer, an unused constant the tool
// would call a credential, a literal inside a transforming call in a
// site's value (what the report redacts), a struct literal's field read
// at a sink — of a package-level variable or a local anonymous struct.
func TestSecretLinesShapes(t *testing.T) {
	const src = `package p
import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
)
const unused = "Bearer sk-live-1"
// Tok may be sent by another package.
const Tok = "sk-live-7"
const URL, Key = "https://example.com/api", "Authorization"
type cfg struct{ Token string }
var defaultCfg = cfg{Token: "sk-live-2"}
func normalize(s string) string { return strings.ToLower(s) }
func f(h http.Header) {
	var sb strings.Builder
	sb.WriteString("Bearer ")
	sb.WriteString("sk-live-3")
	h.Set("Authorization", sb.String())
	var b bytes.Buffer
	fmt.Fprintf(&b, "Bearer %s", "sk-live-4")
	h.Set("Authorization", b.String())
	h.Set("Authorization", "Bearer "+normalize("sk-live-5"))
	h.Set("Authorization", "Bearer "+defaultCfg.Token)
	c := struct{ Token string }{Token: "sk-live-6"}
	h.Set("Authorization", "Bearer "+c.Token)
	h.Set("Authorization", fmt.Sprintf("Bearer %s", c.Token))
}`
	p := typeCheck(t, src)
	r := Analyze(p)
	secret := map[int]bool{}
	for _, s := range r.Secrets {
		for l := p.Fset.Position(s.Pos).Line; l <= p.Fset.Position(s.End).Line; l++ {
			secret[l] = true
		}
	}
	for i, line := range strings.Split(src, "\n") {
		if strings.Contains(line, "sk-live") && !secret[i+1] {
			t.Errorf("line %d is not a secret line: %s", i+1, line)
		}
		if strings.Contains(line, "https://") && secret[i+1] {
			t.Errorf("line %d is a secret line: %s", i+1, line)
		}
	}
	// The struct fields are credentials, not only secret lines.
	hard := 0
	for _, s := range r.Sites {
		if s.Kind == KindHardCoded {
			hard++
			if s.CredentialText() == "" {
				t.Errorf("credential at %v has no text", p.Fset.Position(s.Value.Pos()))
			}
		}
	}
	if hard != 5 {
		t.Errorf("%d hard-coded credentials, want 5 (builder, buffer, struct, anonymous struct twice)", hard)
	}
}

// A summary that knows a credential travels as a fact without its text,
// still a credential, and changes with it.
func TestScrubbed(t *testing.T) {
	r := ResultSummary{Head: -1, Prefix: "Bearer sk-live-secret", Exact: true, Tail: -1}
	s := r.Scrubbed()
	if strings.Contains(s.Prefix, "sk-live") || !exact(s.Prefix).HardCoded() {
		t.Errorf("Scrubbed() = %q", s.Prefix)
	}
	r2 := r
	r2.Prefix = "Bearer sk-live-other"
	if r2.Scrubbed().Prefix == s.Prefix {
		t.Error("two credentials scrub alike")
	}
	for _, keep := range []ResultSummary{{Head: -1, Prefix: "Bearer ", Tail: 0}, {Head: 0, Prefix: "x", Exact: true}} {
		if keep.Scrubbed() != keep {
			t.Errorf("Scrubbed changed %+v", keep)
		}
	}
	f := FuncSummary{Results: []ResultSummary{r}}
	if g := f.Scrubbed(); strings.Contains(g.Results[0].Prefix, "sk-live") || f.Results[0].Prefix != r.Prefix {
		t.Errorf("FuncSummary.Scrubbed: %+v (original %+v)", g, f)
	}
}
