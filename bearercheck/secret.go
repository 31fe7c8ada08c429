package bearercheck

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/bearercheck/bearercheck/internal/redact"
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
func (a *pkgAnalysis) secretSpans(creds, sites []*Site) []Span {
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
					if as.rhs != nil {
						walk(as.rhs)
					}
				}
				// A builder or buffer is written by calls, not assigned:
				// sb.WriteString("…"), fmt.Fprintf(&sb, "…", "…").
				for _, arg := range a.writesTo(obj) {
					walk(arg)
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
	// One policy for every output: a literal inside any site's value that
	// could hold a credential is what the report prints as [redacted];
	// no context line or diff prints it either.
	// The declaration of a variable or constant of another package that
	// a site's value reads is not printed either: its initializer may
	// hold the token (var Default = Cfg{Token: "…"}, read as
	// "Bearer "+cfg.Default.Token), and this package cannot see it.
	for _, s := range sites {
		ast.Inspect(s.Value, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					break
				}
				if text, err := strconv.Unquote(n.Value); err != nil || redact.MayHoldCredential(text) {
					spans = append(spans, Span{n.Pos(), n.End()})
				}
			case *ast.Ident:
				obj := a.pkg.Info.Uses[n]
				switch obj.(type) {
				case *types.Var, *types.Const:
					if obj.Pkg() != nil && obj.Pkg() != a.pkg.Types && obj.Parent() == obj.Pkg().Scope() && obj.Pos().IsValid() {
						spans = append(spans, Span{obj.Pos(), obj.Pos()})
					}
				}
			}
			return true
		})
	}
	// Text the tool itself calls a credential wherever it is, used by a
	// sink or not: a constant bearer value with a constant token.
	for _, f := range a.pkg.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			switch e.(type) {
			case *ast.BasicLit, *ast.BinaryExpr, *ast.ParenExpr:
			default:
				return true
			}
			tv, ok := a.pkg.Info.Types[e]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return true
			}
			if text := constant.StringVal(tv.Value); exact(text).HardCoded() && redact.MayHoldCredential(text) { // not a format: "Bearer %s"
				spans = append(spans, Span{e.Pos(), e.End()})
			}
			return false
		})
	}
	spans = append(spans, a.exportedTokens()...)
	return spans
}

// exportedTokens returns the token-like literals in the declarations of
// the package's exported constants and variables (const Tok = "sk-…",
// var Default = Cfg{Token: "sk-…"}). Another package may send them as a
// credential, which an analysis of this package alone (go vet's, one
// package at a time) cannot see: their lines are never printed.
func (a *pkgAnalysis) exportedTokens() []Span {
	var spans []Span
	for _, f := range a.pkg.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST && gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if !slices.ContainsFunc(vs.Names, func(id *ast.Ident) bool { return id.IsExported() }) {
					continue
				}
				for _, v := range vs.Values {
					ast.Inspect(v, func(n ast.Node) bool {
						if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							if text, err := strconv.Unquote(lit.Value); err != nil || tokenText(text) {
								spans = append(spans, Span{lit.Pos(), lit.End()})
							}
						}
						return true
					})
				}
			}
		}
	}
	return spans
}

// tokenText reports whether the text of a literal could be a token on its
// own: one word of eight or more characters, not a path or URL, not a
// header name or scheme, not a placeholder or mask.
func tokenText(text string) bool {
	if len(text) < 8 || strings.IndexFunc(text, unicode.IsSpace) >= 0 || strings.Contains(text, "/") {
		return false
	}
	if scheme, rest := redact.SplitScheme(text); scheme != "" && rest == "" {
		return false
	}
	return isCredential(text)
}

// writesTo returns the arguments of the calls that may write to v: calls
// of its methods and calls that are given v or its address.
func (a *pkgAnalysis) writesTo(v *types.Var) []ast.Expr {
	scope := v.Parent()
	if scope == nil || scope == a.pkg.Types.Scope() || v.IsField() {
		return nil // a local variable only: its writes lie in its scope
	}
	is := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		id, ok := e.(*ast.Ident)
		return ok && a.pkg.Info.Uses[id] == v
	}
	var args []ast.Expr
	for _, f := range a.pkg.Files {
		if scope.Pos() < f.FileStart || scope.End() > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || n.End() < scope.Pos() || n.Pos() > scope.End() {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && is(sel.X) || slices.ContainsFunc(call.Args, is) {
				args = append(args, call.Args...)
			}
			return true
		})
	}
	return args
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

// Scrubbed returns r with the text of a hard-coded credential it knows
// replaced by a stand-in that is still a credential to every rule ("Bearer
// cred-" and a hash of the text): summaries travel as facts, which drivers
// write to disk (go vet's build cache), and no artefact holds credential
// text. A changed credential still changes the stand-in.
func (r ResultSummary) Scrubbed() ResultSummary {
	if r.Head >= 0 || !r.Exact {
		return r
	}
	if v := exact(r.Prefix); v.HardCoded() {
		sum := sha256.Sum256([]byte("bearercheck fact credential\x00" + r.Prefix))
		r.Prefix = r.Prefix[:len("bearer")] + " cred-" + hex.EncodeToString(sum[:8])
	}
	return r
}

// Scrubbed returns s with the credentials its results know scrubbed (see
// ResultSummary.Scrubbed).
func (s FuncSummary) Scrubbed() FuncSummary {
	if len(s.Results) > 0 {
		s.Results = slices.Clone(s.Results)
		for i := range s.Results {
			s.Results[i] = s.Results[i].Scrubbed()
		}
	}
	return s
}
