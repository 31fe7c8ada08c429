package bearercheck

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Span is a range of source text. End may equal Pos when only the start
// is known (a constant declared in another package).
type Span struct {
	Pos, End token.Pos
}

// secretSpans returns the source ranges that hold the text of the
// credentials: each credential's value and every literal it is built
// from, following named constants (in this package or another), variables
// and fields to their assignments, calls into their arguments and into
// the return statements of this package's functions.
// It over-approximates on purpose: a line that holds any part of a
// credential must never be printed.
func (a *pkgAnalysis) secretSpans(creds []*Site) []Span {
	var spans []Span
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		if e == nil {
			return
		}
		spans = append(spans, Span{e.Pos(), e.End()})
		ast.Inspect(e, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			obj := a.pkg.Info.Uses[id]
			if obj == nil || seen[obj] {
				return true
			}
			seen[obj] = true
			switch obj := obj.(type) {
			case *types.Const:
				if spec := a.valueSpec(obj); spec != nil {
					spans = append(spans, Span{spec.Pos(), spec.End()})
					for _, v := range spec.Values {
						walk(v)
					}
				} else if obj.Pos().IsValid() {
					spans = append(spans, Span{obj.Pos(), obj.Pos()})
				}
			case *types.Var:
				for _, as := range a.assigns[obj] {
					if as.rhs != nil && !as.opaque {
						walk(as.rhs)
					}
				}
			case *types.Func:
				// A function of this package that returns the credential.
				for _, f := range a.funcs {
					if f.obj == obj {
						ast.Inspect(f.decl.Body, func(n ast.Node) bool {
							if ret, ok := n.(*ast.ReturnStmt); ok {
								for _, r := range ret.Results {
									// A constant or a variable: not the
									// helper's own "Bearer "+param.
									_, isIdent := ast.Unparen(r).(*ast.Ident)
									if tv, ok := a.pkg.Info.Types[r]; ok && tv.Value != nil || isIdent {
										walk(r)
									}
								}
							}
							_, lit := n.(*ast.FuncLit)
							return !lit
						})
					}
				}
			}
			return true
		})
	}
	for _, s := range creds {
		walk(s.Value)
	}
	return spans
}

// valueSpec returns the declaration of a constant of this package.
func (a *pkgAnalysis) valueSpec(c *types.Const) *ast.ValueSpec {
	if c.Pkg() != a.pkg.Types {
		return nil
	}
	for _, f := range a.pkg.Files {
		if c.Pos() < f.FileStart || c.Pos() >= f.FileEnd {
			continue
		}
		var found *ast.ValueSpec
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			if spec, ok := n.(*ast.ValueSpec); ok {
				for _, name := range spec.Names {
					if name.Pos() == c.Pos() {
						found = spec
					}
				}
				return false
			}
			return n == f || n.Pos() <= c.Pos() && c.Pos() < n.End()
		})
		return found
	}
	return nil
}
