package engine_test

import (
	"bytes"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/engine"
	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/packages"
)

// probePackage and probeObject are the facts of the probe analyzer.
type probePackage struct{ Path string }

func (*probePackage) AFact()           {}
func (f *probePackage) String() string { return "package " + f.Path }

type probeObject struct{ Name string }

func (*probeObject) AFact()           {}
func (f *probeObject) String() string { return "object " + f.Name }

// newProbe returns an analyzer that, in the packages of the fixture in
// dir (not the standard library's), exports a package fact and object
// facts (about functions, exported and not, methods, fields, types,
// variables and constants), and reports, once per package, every fact it
// sees: Pass.AllObjectFacts, Pass.AllPackageFacts, and what
// ImportPackageFact and ImportObjectFact find for the objects of its
// direct imports.
func newProbe(dir string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "probe",
		Doc:       "probe: package and object facts",
		FactTypes: []analysis.Fact{new(probePackage), new(probeObject)},
		Run: func(pass *analysis.Pass) (any, error) {
			if !inFixture(pass, dir) {
				return nil, nil
			}
			pass.ExportPackageFact(&probePackage{pass.Pkg.Path()})
			forObjects(pass.Pkg, func(obj types.Object, name string) {
				if _, ok := obj.(*types.Func); ok || obj.Exported() {
					pass.ExportObjectFact(obj, &probeObject{name})
				}
			})
			var seen []string
			for _, f := range pass.AllObjectFacts() {
				whose := "all"
				if f.Object.Pkg() == pass.Pkg {
					whose = "own"
				}
				seen = append(seen, fmt.Sprintf("%s %s: %s", whose, qualified(f.Object), f.Fact))
			}
			for _, f := range pass.AllPackageFacts() {
				seen = append(seen, fmt.Sprintf("all %s: %s", f.Package.Path(), f.Fact))
			}
			for _, imp := range pass.Pkg.Imports() {
				var pf probePackage
				seen = append(seen, fmt.Sprintf("import %s: %v", imp.Path(), pass.ImportPackageFact(imp, &pf)))
				forObjects(imp, func(obj types.Object, name string) {
					var of probeObject
					if pass.ImportObjectFact(obj, &of) {
						seen = append(seen, fmt.Sprintf("import %s: %s", qualified(obj), &of))
					}
				})
			}
			slices.Sort(seen)
			pass.Reportf(pass.Files[0].Package, "%s", strings.Join(seen, "; "))
			return nil, nil
		},
	}
}

// forObjects calls f for each package-level object of pkg, each method
// of its named types and each field of its struct types.
func forObjects(pkg *types.Package, f func(obj types.Object, name string)) {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		f(obj, name)
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if named, ok := tn.Type().(*types.Named); ok {
			for m := range named.Methods() {
				f(m, name+"."+m.Name())
			}
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for v := range st.Fields() {
				f(v, name+"."+v.Name())
			}
		}
	}
}

// missing returns the items (lines, and parts of the probe's messages)
// of a that b does not have.
func missing(a, b string) string {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ';' })
	}
	items := split(b)
	var out []string
	for _, l := range split(a) {
		if !slices.Contains(items, l) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// inFixture reports whether a pass is over a package of the fixture in dir.
func inFixture(pass *analysis.Pass, dir string) bool {
	return len(pass.Files) > 0 && strings.HasPrefix(pass.Fset.File(pass.Files[0].Pos()).Name(), dir+string(filepath.Separator))
}

func qualified(obj types.Object) string {
	return types.ObjectString(obj, func(p *types.Package) string { return p.Path() })
}

// equivAnalyzers returns fresh analyzers: the suite, with its base
// analyzer reporting the facts it sees, x/tools' printf, and the probe.
func equivAnalyzers(dir string) []*analysis.Analyzer {
	s := analyzers.New(config.NewFlagOptions())
	run := s.Base.Run
	s.Base.Run = func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		if err == nil && inFixture(pass, dir) {
			var seen []string
			for _, f := range pass.AllObjectFacts() {
				seen = append(seen, fmt.Sprintf("%s: %s", qualified(f.Object), f.Fact))
			}
			slices.Sort(seen)
			pass.Reportf(pass.Files[0].Package, "facts: %s", strings.Join(seen, "; "))
		}
		return res, err
	}
	return append(s.Reporting(), s.Base, printf.Analyzer, newProbe(dir))
}

// TestEquivalence: the engine, cold, warm, and after edits to a package
// others import, finds exactly what go/analysis/checker finds, facts
// included (the suite's, printf's and the probe's), over the analyzers'
// shared fixtures and a module of three packages in a chain with test
// variants. A body-only edit of the base package analyses that package
// only.
func TestEquivalence(t *testing.T) {
	slowtest.Skip(t) // the standard driver over the fixtures, 8 times
	gopath := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(gopath, "src"), os.DirFS("../../analyzers/testdata/src")))
	// Open (issue 17): on these fixtures the engine and checker differ
	// today. sdkuse: the suite's fact listing shows facts of an SDK's
	// unexported transport and credentials types that the engine, like go
	// vet, does not pass to importers. taskfix: the task fix's edits differ
	// between the two drivers. They are left out here until that is fixed,
	// not accepted as equivalent.
	for _, dir := range []string{"sdkuse", "taskfix"} {
		require.NoError(t, os.RemoveAll(filepath.Join(gopath, "src", dir)))
	}
	module := t.TempDir()
	require.NoError(t, os.CopyFS(module, os.DirFS("testdata/equiv")))
	for _, fx := range []struct {
		name string
		dir  string
		env  []string
		base string // a file of a package others import
		// edits of base: a body-only one first.
		edits [][2]string
		// unnamed are the facts the checker passes on that the engine
		// does not: about objects importers cannot name, which are not
		// in the export data (see the package documentation).
		unnamed []string
	}{
		{
			name:  "analyzers/testdata",
			dir:   filepath.Join(gopath, "src"),
			env:   []string{"GOPATH=" + gopath, "GO111MODULE=off", "GOFLAGS="},
			base:  filepath.Join(gopath, "src", "auth", "auth.go"),
			edits: [][2]string{{"return p.token\n", "return p.token // edited\n"}},
		},
		{
			name: "chain",
			dir:  module,
			env:  []string{"GOFLAGS=-mod=mod"},
			base: filepath.Join(module, "base", "base.go"),
			edits: [][2]string{
				{"// body\n", "// body, edited\n"},
				{"Scheme + \" \" + tok", "tok"},                                      // changes base's facts
				{"type hidden struct", "type Hidden struct{}\n\ntype hidden struct"}, // and its API
			},
			unnamed: []string{
				"all func (example.com/equiv/base.hidden).N() int: object hidden.N; ",
				"import func (example.com/equiv/base.hidden).N() int: object hidden.N; ",
			},
		},
	} {
		t.Run(fx.name, func(t *testing.T) {
			load := func(mode packages.LoadMode) []*packages.Package {
				pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: fx.dir, Env: append(os.Environ(), fx.env...), Tests: true}, "./...")
				require.NoError(t, err)
				require.NotEmpty(t, pkgs)
				return pkgs
			}
			want := func() string {
				g, err := checker.Analyze(equivAnalyzers(fx.dir), load(packages.LoadAllSyntax|packages.NeedModule), nil)
				require.NoError(t, err)
				out := sorted(t, g)
				for _, s := range fx.unnamed {
					out = strings.ReplaceAll(out, s, "")
				}
				return out
			}
			got := func(cache *engine.Cache) (string, *engine.Result) {
				res, err := engine.Analyze(engine.Config{
					Analyzers: equivAnalyzers(fx.dir),
					Roots:     load(engine.LoadMode),
					Cache:     cache,
					Salt:      []byte("test"),
					Keep:      func(*packages.Package, []*checker.Action) any { return nil },
				})
				require.NoError(t, err)
				return sorted(t, res.Graph), res
			}
			same := func(want, got, what string) {
				t.Helper()
				if !assert.True(t, want == got, what) {
					t.Logf("only the checker's:\n%s\nonly the engine's (%s):\n%s", missing(want, got), what, missing(got, want))
				}
			}
			expected := want()
			require.Contains(t, expected, "probe")
			require.Contains(t, expected, "all ") // the probe sees facts of other packages
			out, _ := got(nil)
			same(expected, out, "cold")
			cache, err := engine.OpenCache(t.TempDir())
			require.NoError(t, err)
			out, _ = got(cache)
			same(expected, out, "cold, filling the cache")
			out, res := got(cache)
			same(expected, out, "warm")
			assert.Zero(t, res.Analysed, "warm")

			for i, edit := range fx.edits {
				src, err := os.ReadFile(fx.base)
				require.NoError(t, err)
				require.Contains(t, string(src), edit[0])
				require.NoError(t, os.WriteFile(fx.base, bytes.Replace(src, []byte(edit[0]), []byte(edit[1]), 1), 0o644))
				expected := want()
				out, res := got(cache)
				same(expected, out, fmt.Sprintf("after edit %d", i))
				if i == 0 {
					assert.Equal(t, 1, res.Analysed, "a body-only edit analyses the edited package only")
				} else {
					assert.Greater(t, res.Analysed, 1, "the edit changes what importers observe")
				}
			}
		})
	}
}
