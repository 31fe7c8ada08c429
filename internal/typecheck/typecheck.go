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

// Package is a one-file package as far as it parses and type-checks.
type Package struct {
	Fset   *token.FileSet
	File   *ast.File // nil when the source does not parse far enough to name a package
	Types  *types.Package
	Info   *types.Info // every map the drivers fill, Implicits and Scopes included
	Errors []error     // parse and type errors
}

// Check parses and type-checks src as the only file of a package,
// collecting every error rather than stopping at one.
func Check(src string) *Package {
	p := &Package{Fset: token.NewFileSet()}
	file, err := parser.ParseFile(p.Fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		p.Errors = append(p.Errors, err)
	}
	if file == nil || file.Name == nil {
		return p
	}
	p.File = file
	// The maps go/analysis drivers fill (see checker and unitchecker):
	// fixes need Implicits to find an import's name and Scopes to choose
	// a fresh variable name.
	p.Info = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{Importer: stdlib, Error: func(err error) { p.Errors = append(p.Errors, err) }}
	p.Types, _ = conf.Check(file.Name.Name, p.Fset, []*ast.File{file}, p.Info)
	return p
}

// Source parses and type-checks src as the only file of a package,
// ignoring every error. The file is nil when src does not parse far
// enough to name a package.
func Source(src string) (*token.FileSet, *ast.File, *types.Package, *types.Info) {
	p := Check(src)
	return p.Fset, p.File, p.Types, p.Info
}

// stdlib imports the standard library from export data; it is safe for
// concurrent use and caches what it imports.
var stdlib = importer.Default()
