package bearercheck

import (
	"go/ast"
	"testing"

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

// FuzzAnalyze checks that the core never panics, whatever the input,
// including packages that do not type-check.
func FuzzAnalyze(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		analyzeForTest(src)
	})
}

func TestAnalyzeSeeds(t *testing.T) {
	for _, s := range seeds {
		if analyzeForTest(s) == nil {
			t.Fatal("no result")
		}
	}
}

func analyzeForTest(src string) *Result {
	fset, file, pkg, info := typecheck.Source(src)
	if file == nil {
		return nil
	}
	cfg := DefaultConfig()
	return Analyze(&Package{Fset: fset, Files: []*ast.File{file}, Types: pkg, Info: info, Config: &cfg})
}
