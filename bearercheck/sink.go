package bearercheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
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
	return a.eval(sk.key, ctx)
}

// valueOf returns the value of one of the sink's values.
func (a *pkgAnalysis) valueOf(sk sink, v ast.Expr, ctx *fnCtx) Value {
	if sk.tuple {
		return a.callResult(sk.key.(*ast.CallExpr), 1, ctx)
	}
	return a.eval(v, ctx)
}

// sinks returns the header writes that n performs, if any.
func (a *pkgAnalysis) sinks(n ast.Node) []sink {
	switch n := n.(type) {
	case *ast.CallExpr:
		return a.callSinks(n)
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
			return nil
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

// callSinks recognises header-setting calls: http.Header and metadata.MD
// methods, metadata.Pairs and AppendToOutgoingContext, and generic setters.
func (a *pkgAnalysis) callSinks(call *ast.CallExpr) []sink {
	fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
	if fn == nil || call.Ellipsis.IsValid() {
		return nil
	}
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil && isNamed(recv.Type(), metadataPkg, "MD") {
		if (fn.Name() == "Set" || fn.Name() == "Append") && len(call.Args) >= 2 {
			return []sink{{node: call, key: call.Args[0], values: call.Args[1:]}}
		}
		return nil
	}
	if recv := sig.Recv(); recv != nil && isNamed(recv.Type(), "net/http", "Header") {
		if fn.Name() == "Set" || fn.Name() == "Add" {
			return setterSink(call)
		}
		return nil
	}
	if isPkgFunc(fn, metadataPkg, "Pairs") {
		return pairs(call, call.Args)
	}
	if isPkgFunc(fn, metadataPkg, "AppendToOutgoingContext") && len(call.Args) > 0 {
		return pairs(call, call.Args[1:])
	}
	if recv := sig.Recv(); recv != nil && isNamed(recv.Type(), "net/url", "Values") {
		return nil // query parameters, not headers
	}
	if sig.Params().Len() == 2 && !sig.Variadic() &&
		isString(sig.Params().At(0).Type()) && isString(sig.Params().At(1).Type()) &&
		slices.Contains(a.cfg.HeaderSetters, fn.Name()) {
		return setterSink(call)
	}
	return nil
}

// setterSink is the sink of a call to a setter with parameters (key, value):
// Set(k, v), or Set(kv()) with a function returning both.
func setterSink(call *ast.CallExpr) []sink {
	switch len(call.Args) {
	case 2:
		return []sink{{node: call, key: call.Args[0], values: call.Args[1:]}}
	case 1:
		if inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
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
	switch e := e.(type) {
	case *ast.CompositeLit:
		return e.Elts
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && len(e.Args) > 1 && !e.Ellipsis.IsValid() {
			if b, ok := a.pkg.Info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				return e.Args[1:]
			}
		}
	}
	return nil
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
