// Package typecheck type-checks one file for tests of the analyzers'
// robustness: whatever the input, it returns what go/types could make of it.
package typecheck

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
)

// Source parses and type-checks src as the only file of a package,
// ignoring every error. The file is nil when src does not parse far
// enough to name a package.
func Source(src string) (*token.FileSet, *ast.File, *types.Package, *types.Info) {
	fset := token.NewFileSet()
	file, _ := parser.ParseFile(fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if file == nil || file.Name == nil {
		return fset, nil, nil, nil
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{Importer: stdlib, Error: func(error) {}}
	pkg, _ := conf.Check(file.Name.Name, fset, []*ast.File{file}, info)
	return fset, file, pkg, info
}

// stdlib imports the standard library from export data; it is safe for
// concurrent use and caches what it imports.
var stdlib = importer.Default()
