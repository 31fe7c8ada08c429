package bearercheck

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A Wrapper is a compatibility wrapper the migration leaves (SPEC §3.4):
// an exported function or method, marked Deprecated and //go:fix inline,
// whose body is one call of another function that is passed an
// AuthProvider (the old entry point calling the provider-taking one
// through the token adapter). It is not a remaining site; the report
// counts it separately.
type Wrapper struct {
	Decl   *ast.FuncDecl
	Obj    *types.Func
	Target *types.Func // the function it calls
}

// wrappers returns the package's compatibility wrappers, in source order.
func (a *pkgAnalysis) wrappers() []*Wrapper {
	var out []*Wrapper
	for _, f := range a.funcs {
		if w := a.wrapper(f); w != nil {
			out = append(out, w)
		}
	}
	return out
}

func (a *pkgAnalysis) wrapper(f *fnCtx) *Wrapper {
	d := f.decl
	if !f.obj.Exported() || d.Doc == nil || d.Body == nil || len(d.Body.List) != 1 || !inlineDirective(d.Doc) ||
		!strings.Contains(d.Doc.Text(), "Deprecated:") {
		return nil
	}
	var call *ast.CallExpr
	switch s := d.Body.List[0].(type) {
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			call, _ = ast.Unparen(s.Results[0]).(*ast.CallExpr)
		}
	case *ast.ExprStmt:
		call, _ = ast.Unparen(s.X).(*ast.CallExpr)
	}
	if call == nil {
		return nil
	}
	target, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
	if target == nil {
		return nil
	}
	for _, arg := range call.Args {
		if a.providerMethodOf(a.pkg.Info.TypeOf(arg)) != nil {
			return &Wrapper{Decl: d, Obj: f.obj, Target: target}
		}
	}
	return nil
}

// inlineDirective reports whether doc holds the //go:fix inline directive
// (CommentGroup.Text drops directives).
func inlineDirective(doc *ast.CommentGroup) bool {
	for _, c := range doc.List {
		if strings.TrimSpace(c.Text) == "//go:fix inline" {
			return true
		}
	}
	return false
}
