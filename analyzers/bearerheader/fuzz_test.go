package bearerheader

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis"
)

// FuzzReport runs detection, messages and fixes over arbitrary source,
// which need not type-check: nothing may panic. The fixtures of every
// analyzer are the seeds.
func FuzzReport(f *testing.F) {
	seeds, _ := filepath.Glob("../*/testdata/src/*/*.go")
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	imp := importer.Default()
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, _ := parser.ParseFile(fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
		if file == nil || file.Name == nil {
			return
		}
		info := &types.Info{
			Types:      map[ast.Expr]types.TypeAndValue{},
			Defs:       map[*ast.Ident]types.Object{},
			Uses:       map[*ast.Ident]types.Object{},
			Selections: map[*ast.SelectorExpr]*types.Selection{},
			Instances:  map[*ast.Ident]types.Instance{},
		}
		conf := types.Config{Importer: imp, Error: func(error) {}}
		pkg, _ := conf.Check(file.Name.Name, fset, []*ast.File{file}, info)
		cfg := bearercheck.DefaultConfig()
		res := bearercheck.Analyze(&bearercheck.Package{Fset: fset, Files: []*ast.File{file}, Types: pkg, Info: info, Config: &cfg})
		pass := &analysis.Pass{
			Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info,
			ReadFile: func(string) ([]byte, error) { return []byte(src), nil },
			Report: func(d analysis.Diagnostic) {
				if d.Message == "" || !d.Pos.IsValid() {
					t.Errorf("bad diagnostic %+v", d)
				}
			},
		}
		run(pass, res)
	})
}
