package fixes_test

import (
	"fmt"
	"go/ast"
	"os"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/fixes"
	"github.com/bearercheck/bearercheck/internal/typecheck"
	"golang.org/x/tools/go/analysis"
)

// BenchmarkFor measures planning the fixes of one file with many fixable
// sites (a provider call, a local variable, a token guard and a Sprintf,
// in turn), among commented code that uses the imports and hard-codes
// credentials. The cost per site should not grow with the number of
// sites in the file.
//
//	go test ./fixes -run XXX -bench For -benchmem
func BenchmarkFor(b *testing.B) {
	for _, funcs := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("funcs=%d", funcs), func(b *testing.B) {
			pass, res := fixPackage(b, funcs)
			fx, fixed := fixes.New(pass, res), 0
			for _, s := range res.Sites {
				fixed += len(fx.For(s))
			}
			if fixed < 4*funcs || len(res.Secrets) < funcs {
				b.Fatalf("%d fixes for %d sites, %d secrets", fixed, len(res.Sites), len(res.Secrets))
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				fx := fixes.New(pass, res)
				for _, s := range res.Sites {
					fx.For(s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(res.Sites)), "ns/site")
		})
	}
}

// fixPackage type-checks and analyzes a package of one file with funcs
// groups of functions.
func fixPackage(b *testing.B, funcs int) (*analysis.Pass, *bearercheck.Result) {
	b.Helper()
	var src strings.Builder
	src.WriteString(`package p

import (
	"fmt"
	"net/http"
	"strings"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }
`)
	for i := range funcs {
		fmt.Fprintf(&src, `
// call%[1]d sets the header.
func call%[1]d(h http.Header, p *Provider) {
	h.Set("Authorization", "Bearer "+p.BearerToken())
}

func local%[1]d(h http.Header, p *Provider) {
	v := "Bearer " + p.BearerToken()
	h.Set("Authorization", v)
}

func guard%[1]d(h http.Header, p *Provider) {
	if tok := p.BearerToken(); tok != "" {
		h.Set("Authorization", "Bearer "+tok)
	}
}

func sprintf%[1]d(h http.Header, p *Provider) {
	h.Set("Authorization", fmt.Sprintf("Bearer %%s", p.BearerToken()))
}

// filler%[1]d uses the imports.
func filler%[1]d(parts []string) string {
	s := strings.Join(parts, "/")
	s = strings.TrimSpace(strings.ToLower(s))
	return fmt.Sprint(s, len(parts))
}

// hardCoded%[1]d hard-codes a credential: no fix is offered near it.
func hardCoded%[1]d(h http.Header) {
	h.Set("Authorization", "Bearer sk_live_0123456789abcdefghijklmnop%[1]d")
}
`, i)
	}
	content := []byte(src.String())
	p := typecheck.Check(string(content))
	if len(p.Errors) > 0 {
		b.Fatal(p.Errors[0])
	}
	fset, files, pkg, info := p.Fset, []*ast.File{p.File}, p.Types, p.Info
	res := bearercheck.Analyze(&bearercheck.Package{Fset: fset, Files: files, Types: pkg, Info: info, Config: bearercheck.Defaults()})
	pass := &analysis.Pass{
		Fset: fset, Files: files, Pkg: pkg, TypesInfo: info,
		ReadFile: func(name string) ([]byte, error) {
			if name != "p.go" {
				return nil, os.ErrNotExist
			}
			return content, nil
		},
	}
	return pass, res
}
