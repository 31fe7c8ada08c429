package bearercheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bearercheck/bearercheck/internal/typecheck"
)

var seeds = []string{
	`package p
import ("net/http"; "fmt"; "strings")
const bearer = "Bearer "
type P struct{ Token string }
func (p *P) AuthorizationHeaderValue() string { return "Bearer " + p.Token }
func (p *P) BearerToken() string { return p.Token }
type AgentTask struct{}
type S struct{ agentTask *AgentTask; tok string }
func bearerOf(t string) string { return bearer + t }
func kv(t string) (string, string) { return "Authorization", "Bearer " + t }
func set(r *http.Request, scheme, tok string) { r.Header.Set("Authorization", scheme+" "+tok) }
func (s *S) do(r *http.Request, p *P) {
	r.Header.Set("authorization", fmt.Sprintf("Bearer %s", s.tok))
	r.Header.Add("Authorization", strings.Join([]string{"Bearer", p.BearerToken()}, " "))
	r.Header["Authorization"] = []string{bearerOf(s.tok)}
	r.Header.Set(kv(s.tok))
	set(r, "Bearer", s.tok)
	h := http.Header{"Authorization": {"Bearer abc"}}
	_ = map[string]string{"Authorization": "Bearer " + p.Token}
	x := "Bearer " + s.tok
	x += "!"
	for _, v := range h { _ = v }
	r.Header.Set("Authorization", x) //bearercheck:ignore reason
	go func() { r.Header.Set("Authorization", "Bearer "+s.tok) }()
}`,
	`package p
import ("net/http"; "fmt")
func value(scheme, tok string) string { return fmt.Sprintf("%s %s", scheme, tok) }
func pair(tok string) (string, string) { return "Authorization", "Bearer " + tok }
func a(t string) string { return "Bearer " + t }
func b(t string) string { return "Bearer " + t + "x" }
func do(r *http.Request, t string, x bool) {
	r.Header.Set("Authorization", value("Bearer", t))
	r.Header.Set(pair(t))
	v := a(t)
	if x { v = b(t) }
	r.Header.Set("Authorization", v)
}`,
	`package p
func f() string { return g() }
func g() string { return f() + "x" }
var a = b + "Bearer "
var b = a
type T[X any] struct{ v X }
func (t T[X]) Set(k, v string) {}
func h[X any](t T[X], s string) { t.Set("Authorization", "Bearer "+s) }`,
	`package p
import "net/http"
func f(r *http.Request) { r.Header.Set("Authorization", "Bearer "+undefined) ; var x = ; }`,
	`package p
//bearercheck:ignore
func f() { var m map[string]string; m["Authorization"] = "Bearer " + m["x"]; m[k()] = "" }`,
}

// seedWants are what the core finds in each seed, in the form of
// describe: the seeds are full of sites, and the fuzz target starts from
// inputs whose results are known.
var seedWants = [][]string{
	{
		"site 13:32 sprintf task=s.agentTask provider=p",
		"site 14:32 join task=s.agentTask provider=p",
		"site 15:39 helper-result task=s.agentTask provider=p",
		"site 16:15 helper-result task=s.agentTask provider=p",
		"site 17:2 scheme-param task=s.agentTask provider=p",
		"site 18:37 hard-coded-credential task=s.agentTask provider=p",
		"site 19:41 literal-prefix task=s.agentTask provider=p",
		// line 23 is suppressed by its trailing directive, which covers
		// its own line only: the closure's site on line 24 is reported.
		"site 24:44 literal-prefix task=s.agentTask provider=p",
		"helper bearerOf bearerOnly(t) returnsBearer",
		"helper kv bearerOnly(t) returnsConst(0) returnsBearer",
		"helper do bearerOnly(.tok)",
		"credential 18:37",
	},
	{
		"site 8:32 scheme-param",
		"site 9:15 helper-result",
		"site 12:32 helper-result",
		"helper pair bearerOnly(tok) returnsConst(0) returnsBearer",
		"helper a bearerOnly(t) returnsBearer",
		"helper b bearerOnly(t) returnsBearer",
		"helper do bearerOnly(t)",
	},
	{
		"site 8:58 literal-prefix",
		"helper h bearerOnly(s)",
	},
	{}, // does not parse past the call: nothing, and no panic
	{
		"site 3:58 literal-prefix", // a directive without a reason suppresses nothing
		"directive 2:1 missing-reason",
	},
}

// describe lists what r holds, one line a finding, in the order of r.
func describe(fset *token.FileSet, r *Result) []string {
	pos := func(p token.Pos) string {
		posn := fset.Position(p)
		return fmt.Sprintf("%d:%d", posn.Line, posn.Column)
	}
	var out []string
	for _, s := range r.Sites {
		line := fmt.Sprintf("site %s %s", pos(s.Value.Pos()), s.Kind)
		if s.Task != nil {
			line += " task=" + s.Task.Expr
		}
		if s.Provider != nil {
			line += " provider=" + s.Provider.Expr
		}
		out = append(out, line)
	}
	for _, s := range r.Migrated {
		out = append(out, fmt.Sprintf("migrated %s", pos(s.Value.Pos())))
	}
	for _, h := range r.Helpers {
		out = append(out, fmt.Sprintf("helper %s %s", h.Obj.Name(), h.Summary))
	}
	for _, c := range r.TaskCalls {
		out = append(out, fmt.Sprintf("task-call %s %s task=%s", pos(c.Call.Pos()), c.Callee.Name(), c.Task.Expr))
	}
	for _, d := range r.Directives {
		out = append(out, fmt.Sprintf("directive %s %s", pos(d.Pos), d.Problem))
	}
	for _, s := range r.Credentials {
		out = append(out, fmt.Sprintf("credential %s", pos(s.Value.Pos())))
	}
	return out
}

// FuzzAnalyze checks that the core never panics, whatever the input,
// including packages that do not type-check, and that what it finds lies
// in the file: every range a diagnostic can report (a site's value and
// key, a helper's name, a task call, a directive) lies inside the source.
func FuzzAnalyze(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fset, r := analyzeForTest(src)
		if r == nil {
			return
		}
		inFile := func(what string, pos, end token.Pos) {
			tf := fset.File(pos)
			if !pos.IsValid() || tf == nil || end < pos || int(end)-tf.Base() > len(src) {
				t.Errorf("%s: range [%d, %d) outside the file", what, pos, end)
			}
		}
		for _, s := range slices.Concat(r.Sites, r.Migrated, r.Credentials) {
			inFile("site value", s.Value.Pos(), s.Value.End())
			inFile("site", s.Node.Pos(), s.Node.Pos()) // a sink of a broken file may end past it
			if s.Key != nil {
				inFile("site key", s.Key.Pos(), s.Key.End())
			}
		}
		for _, h := range r.Helpers {
			inFile("helper", h.Decl.Name.Pos(), h.Decl.Name.End()) // the declaration of a broken file may end past it
		}
		for _, c := range r.TaskCalls {
			inFile("task call", c.Call.Pos(), c.Call.End())
		}
		for _, d := range r.Directives {
			inFile("directive", d.Pos, d.End)
		}
		describe(fset, r)
	})
}

func TestAnalyzeSeeds(t *testing.T) {
	require.Len(t, seedWants, len(seeds))
	for i, s := range seeds {
		fset, r := analyzeForTest(s)
		if assert.NotNil(t, r, "seed %d", i) {
			assert.Equal(t, seedWants[i], append([]string{}, describe(fset, r)...), "seed %d", i)
		}
	}
}

// analyzeForTest analyses src as a one-file package; the result is nil
// when src does not parse.
func analyzeForTest(src string) (*token.FileSet, *Result) {
	fset, file, pkg, info := typecheck.Source(src)
	if file == nil {
		return fset, nil
	}
	return fset, Analyze(&Package{Fset: fset, Files: []*ast.File{file}, Types: pkg, Info: info, Config: Defaults()})
}
