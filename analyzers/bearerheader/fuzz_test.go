package bearerheader

import (
	"go/ast"
	"os"
	"path/filepath"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/internal/typecheck"
	"golang.org/x/tools/go/analysis"
)

// FuzzReport runs detection, messages and fixes over arbitrary source,
// which need not type-check: nothing may panic. The fixtures of every
// analyzer are the seeds.
func FuzzReport(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixture.Root(), "src", "*", "*.go"))
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		fset, file, pkg, info := typecheck.Source(src)
		if file == nil {
			return
		}
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
