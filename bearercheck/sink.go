package bearercheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

const metadataPkg = "google.golang.org/grpc/metadata"

// sink is a place where a key/value pair becomes a header.
type sink struct {
	node   ast.Node // the call, assignment or key-value pair
	key    ast.Expr
	values []ast.Expr
	tuple  bool // key and value are results 0 and 1 of the call in key: Set(authHeader(tok))
}

// keyValue returns the value of the sink's key.
func (a *pkgAnalysis) keyValue(sk sink, ctx *fnCtx) Value {
	if sk.tuple {
		return a.callResult(sk.key.(*ast.CallExpr), 0, ctx)
	}
	v := a.eval(sk.key, ctx)
	if !(v.Exact && v.Head == nil) && ctx != nil && ctx.decl != nil && ctx.decl.Body != nil {
		if k, ok := a.guardedKey(sk.key, ctx); ok {
			return k
		}
	}
	return v
}

// guardedKey returns the constant a key expression is known to equal
// where it is used: inside "if key == C" (or a && chain holding it), or
// inside "case C:" of "switch key" (also on a field or a conversion of
// it: switch h.Name { case AuthorizationTokenHeader: h.Set(string(h.Name), v) }).
func (a *pkgAnalysis) guardedKey(key ast.Expr, f *fnCtx) (Value, bool) {
	kx := types.ExprString(a.unconvert(key))
	var path []ast.Node
	ast.Inspect(f.decl.Body, func(n ast.Node) bool {
		if n == nil || n.Pos() > key.Pos() || n.End() < key.End() {
			return false
		}
		path = append(path, n)
		return true
	})
	for i := len(path) - 1; i > 0; i-- {
		switch n := path[i].(type) {
		case *ast.IfStmt:
			if i+1 < len(path) && path[i+1] == n.Body {
				if v, ok := a.equalsConst(n.Cond, kx, f); ok {
					return v, true
				}
			}
		case *ast.CaseClause:
			sw, _ := path[i-2].(*ast.SwitchStmt)
			if sw == nil || len(n.List) != 1 {
				continue
			}
			if sw.Tag == nil {
				if v, ok := a.equalsConst(n.List[0], kx, f); ok {
					return v, true
				}
			} else if types.ExprString(a.unconvert(sw.Tag)) == kx {
				if v := a.eval(n.List[0], f); v.Exact && v.Head == nil {
					return v, true
				}
			}
		case *ast.FuncLit:
			return Value{}, false
		}
	}
	return Value{}, false
}

// equalsConst returns the constant that cond, or a term of its && chain,
// compares the expression written kx equal to.
func (a *pkgAnalysis) equalsConst(cond ast.Expr, kx string, f *fnCtx) (Value, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return Value{}, false
	}
	switch b.Op {
	case token.LAND:
		if v, ok := a.equalsConst(b.X, kx, f); ok {
			return v, true
		}
		return a.equalsConst(b.Y, kx, f)
	case token.EQL:
		for _, p := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			if types.ExprString(a.unconvert(p[0])) != kx {
				continue
			}
			if v := a.eval(p[1], f); v.Exact && v.Head == nil {
				return v, true
			}
		}
	}
	return Value{}, false
}

// unconvert strips parentheses and type conversions from e.
func (a *pkgAnalysis) unconvert(e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := a.pkg.Info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// valueOf returns the value of one of the sink's values.
func (a *pkgAnalysis) valueOf(sk sink, v ast.Expr, ctx *fnCtx) Value {
	if sk.tuple {
		return a.callResult(sk.key.(*ast.CallExpr), 1, ctx)
	}
	return a.eval(v, ctx)
}

// sinks returns the header writes that n performs, if any. For a call, fn
// is its callee as typeutil.Callee gives it (nil if not a function).
func (a *pkgAnalysis) sinks(n ast.Node, fn *types.Func) []sink {
	switch n := n.(type) {
	case *ast.CallExpr:
		return a.callSinks(n, fn)
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			return nil
		}
		var out []sink
		for i, l := range n.Lhs {
			ix, ok := ast.Unparen(l).(*ast.IndexExpr)
			if !ok || !isHeaderMap(a.pkg.Info.TypeOf(ix.X)) || isNamed(a.pkg.Info.TypeOf(ix.X), "net/url", "Values") {
				continue
			}
			out = append(out, sink{node: n, key: ix.Index, values: a.headerValues(n.Rhs[i])})
		}
		return out
	case *ast.CompositeLit:
		if !isHeaderMap(a.pkg.Info.TypeOf(n)) {
			return a.pairSinks(n)
		}
		var out []sink
		for _, el := range n.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				out = append(out, sink{node: kv, key: kv.Key, values: a.headerValues(kv.Value)})
			}
		}
		return out
	}
	return nil
}

// callSinks recognises header-setting calls: http.Header, textproto.MIMEHeader
// and metadata.MD methods, metadata.Pairs and AppendToOutgoingContext, the
// configured setters, and header APIs of any name (see shapeSinks).
func (a *pkgAnalysis) callSinks(call *ast.CallExpr, callee *types.Func) []sink {
	fn, args := a.callee(call, callee)
	if fn == nil {
		return nil
	}
	sig := fn.Signature()
	recv := sig.Recv()
	switch {
	case recv != nil && isNamed(recv.Type(), metadataPkg, "MD"):
		if (fn.Name() == "Set" || fn.Name() == "Append") && len(args) >= 2 && !call.Ellipsis.IsValid() {
			return []sink{{node: call, key: args[0], values: args[1:]}}
		}
		return nil
	case recv != nil && (isNamed(recv.Type(), "net/http", "Header") || isNamed(recv.Type(), "net/textproto", "MIMEHeader")):
		if fn.Name() == "Set" || fn.Name() == "Add" {
			return setterSink(call, args)
		}
		return nil
	case isPkgFunc(fn, metadataPkg, "Pairs") && !call.Ellipsis.IsValid():
		return pairs(call, args)
	case isPkgFunc(fn, metadataPkg, "AppendToOutgoingContext") && len(args) > 0 && !call.Ellipsis.IsValid():
		return pairs(call, args[1:])
	case isStdlib(fn.Pkg()):
		return nil // the standard library writes headers only through the types above
	}
	if sig.Params().Len() == 2 && !sig.Variadic() &&
		isString(sig.Params().At(0).Type()) && isString(sig.Params().At(1).Type()) &&
		slices.Contains(a.cfg.HeaderSetters, fn.Name()) {
		return setterSink(call, args)
	}
	return a.shapeSinks(call, fn, args)
}

// setterSink is the sink of a call to a setter with parameters (key, value):
// Set(k, v), or Set(kv()) with a function returning both.
func setterSink(call *ast.CallExpr, args []ast.Expr) []sink {
	switch len(args) {
	case 2:
		return []sink{{node: call, key: args[0], values: args[1:]}}
	case 1:
		if inner, ok := ast.Unparen(args[0]).(*ast.CallExpr); ok {
			return []sink{{node: call, key: inner, values: []ast.Expr{inner}, tuple: true}}
		}
	}
	return nil
}

func pairs(call *ast.CallExpr, kv []ast.Expr) []sink {
	var out []sink
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, sink{node: call, key: kv[i], values: []ast.Expr{kv[i+1]}})
	}
	return out
}

// headerValues returns the string values an expression assigned to a
// header map entry carries: v, []string{v...}, {v...}, append(x, v...).
func (a *pkgAnalysis) headerValues(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	t := a.pkg.Info.TypeOf(e)
	if t == nil {
		// An elided composite literal type: {v}.
		if lit, ok := e.(*ast.CompositeLit); ok {
			return lit.Elts
		}
		return nil
	}
	if isString(t) {
		return []ast.Expr{e}
	}
	if isStringSlice(t) {
		return a.sliceElems(e, map[*types.Var]bool{})
	}
	return nil
}

// sliceElems returns the expressions that may be elements of a string
// slice: the elements of a literal, what append adds, and for a local
// variable the elements of every value assigned to it
// (hs := []string{v}; hs = append(hs, w); h[k] = hs).
func (a *pkgAnalysis) sliceElems(e ast.Expr, seen map[*types.Var]bool) []ast.Expr {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e.Elts
	case *ast.CallExpr:
		if isBuiltin(a.pkg.Info, e.Fun, "append") && len(e.Args) > 0 {
			out := a.sliceElems(e.Args[0], seen)
			if e.Ellipsis.IsValid() {
				return append(out, a.sliceElems(e.Args[len(e.Args)-1], seen)...)
			}
			return append(out, e.Args[1:]...)
		}
	case *ast.Ident:
		v, _ := a.pkg.Info.Uses[e].(*types.Var)
		if v == nil || seen[v] || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return nil // a package-level variable's elements may change anywhere
		}
		seen[v] = true
		var out []ast.Expr
		for _, as := range a.assigns[v] {
			if as.rhs != nil && !as.opaque && as.index < 0 {
				out = append(out, a.sliceElems(as.rhs, seen)...)
			}
		}
		return out
	}
	return nil
}

// isBuiltin reports whether fun names the built-in function name.
func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// isHeaderMap reports whether t is a map from string to string or []string:
// http.Header, metadata.MD, map[string]string, map[string][]string.
func isHeaderMap(t types.Type) bool {
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	return ok && isString(m.Key()) && (isString(m.Elem()) || isStringSlice(m.Elem()))
}

// isNamed reports whether t (pointers stripped) is the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// namedOf returns the named type of t, pointers and aliases stripped.
func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

// isMethod reports whether fn is the method name of the named type pkg.typ.
func isMethod(fn *types.Func, pkg, typ, name string) bool {
	recv := fn.Signature().Recv()
	return recv != nil && fn.Name() == name && isNamed(recv.Type(), pkg, typ)
}
