package bearercheck

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSitesInFileOrder checks that sites come in the order of the
// package's files whatever order the files were parsed in (drivers parse
// them concurrently, so token.Pos order across files is not fixed).
func TestSitesInFileOrder(t *testing.T) {
	fset := token.NewFileSet()
	// b.go is parsed first: its positions are lower than a.go's.
	b, err := parser.ParseFile(fset, "b.go", "package p\n\nfunc B(m map[string]string, tok string) { m[\"Authorization\"] = \"Bearer \" + tok }\n", parser.ParseComments)
	require.NoError(t, err)
	a, err := parser.ParseFile(fset, "a.go", "package p\n\nfunc A(m map[string]string, tok string) { m[\"Authorization\"] = \"Bearer \" + tok }\n", parser.ParseComments)
	require.NoError(t, err)
	files := []*ast.File{a, b}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, files, info)
	require.NoError(t, err)
	res := Analyze(&Package{Fset: fset, Files: files, Types: pkg, Info: info, Config: Defaults()})
	require.Len(t, res.Sites, 2)
	require.Equal(t, "a.go", fset.Position(res.Sites[0].Value.Pos()).Filename)
	require.Equal(t, "b.go", fset.Position(res.Sites[1].Value.Pos()).Filename)
}
