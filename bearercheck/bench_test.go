package bearercheck_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bench/synth"
)

// BenchmarkAnalyze measures the core on one large synthetic package (the
// first package of a bench/synth module: 20 files of 50 functions),
// parsed and type-checked once. It reports the cost per line; the go/types
// and parsing costs it excludes are what a no-op analyzer pays too.
//
//	go test ./bearercheck -run XXX -bench Analyze -benchmem
func BenchmarkAnalyze(b *testing.B) {
	for _, sinks := range []int{0, 2, 10, 50} {
		b.Run(fmt.Sprintf("sinks=%d", sinks), func(b *testing.B) {
			shape := synth.Shape{Packages: 1, Files: 20, Funcs: 50, Sinks: sinks}
			pkg, lines := synthPackage(b, shape)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				res := bearercheck.Analyze(pkg)
				if sinks > 0 && len(res.Sites) == 0 {
					b.Fatal("no sites found")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
		})
	}
}

// synthPackage type-checks service package 0 of a synthetic module.
func synthPackage(b *testing.B, shape synth.Shape) (*bearercheck.Package, int) {
	b.Helper()
	fset := token.NewFileSet()
	std := importer.Default()
	parse := func(name string, src []byte) *ast.File {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			b.Fatal(err)
		}
		return f
	}
	authFile := parse("auth/auth.go", []byte(synth.AuthSource))
	auth, err := (&types.Config{Importer: std}).Check("example.com/synth/auth", fset, []*ast.File{authFile}, nil)
	if err != nil {
		b.Fatal(err)
	}
	var files []*ast.File
	lines := 0
	for j := range shape.Files {
		src, err := synth.File(shape, 0, j)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, parse(shape.FileName(j), src))
		lines += fset.File(files[len(files)-1].Pos()).LineCount()
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == auth.Path() {
			return auth, nil
		}
		return std.Import(path)
	})
	tpkg, err := (&types.Config{Importer: imp}).Check(shape.PackagePath(0), fset, files, info)
	if err != nil {
		b.Fatal(err)
	}
	return &bearercheck.Package{Fset: fset, Files: files, Types: tpkg, Info: info, Config: bearercheck.Defaults()}, lines
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
