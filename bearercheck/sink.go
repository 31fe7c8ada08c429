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

// A sinkKind is one kind of authorization sink of the spec (SPEC §1,
// "Authorization sink"), and where it is recognised.
type sinkKind struct {
	spec int    // the kind's number in SPEC §1
	doc  string // what it recognises
	// recognise returns the (key, value) pairs node n writes as headers,
	// and whether n is of this kind at all (then no later kind is tried).
	// For a call, fn and args are its callee and arguments as
	// pkgAnalysis.callee binds them (method values and expressions
	// included); fn is nil for other nodes.
	recognise func(a *pkgAnalysis, n ast.Node, fn *types.Func, args []ast.Expr) ([]sink, bool)
}

// sinkKinds is the table of authorization sinks: one entry per kind of
// SPEC §1, tried in this order on every call, assignment and composite
// literal of a function body. It is the one place that says what a header
// write is: to add a shape, extend the entry of its kind (or add one),
// and add a fixture under analyzers/testdata/src (docs/architecture.md,
// "Add a sink shape"). Whether the key is Authorization and the value a
// bearer value is decided later, from the sink's key and values
// (pkgAnalysis.keyValue, valueOf), the same way for every kind.
//
// Kind 6, bearer-by-API calls, writes no (key, value) pair the analysed
// code can see: it is recognised where calls are visited (pkgAnalysis.visitCall, analyze.go:
// the bearer-apis table, Compiled.IsBearerAPI, and helpers' facts).
var sinkKinds = []sinkKind{
	{1, "Set(k, v) / Add(k, v) on net/http.Header (req.Header.Set) and net/textproto.MIMEHeader", headerMethodSinks},
	{2, "Set/Append on grpc metadata.MD; metadata.Pairs and AppendToOutgoingContext key/value pairs (metadata.New(map) is kind 4's literal)", metadataSinks},
	{3, "index assignments m[k] = v, []string{v}, append(m[k], v) on http.Header, metadata.MD and string maps (not url.Values)", indexSinks},
	{4, "composite literals of those map types with key k: http.Header{k: {v}}, map[string]string{k: v}", literalSinks},
	{5, "header APIs of any name: a configured header-setter (k, v), or any call passing the key in a string parameter and the value in the next (SDK Headers.Add, option.WithHeader, SetHeaderParam; see headerapi.go), and struct header pairs", headerAPISinks},
}

// sinks returns the header writes that n performs, if any. For a call, fn
// is its callee as typeutil.Callee gives it (nil if not a function).
func (a *pkgAnalysis) sinks(n ast.Node, fn *types.Func) []sink {
	var args []ast.Expr
	switch n := n.(type) {
	case *ast.CallExpr:
		if fn, args = a.callee(n, fn); fn == nil {
			return nil
		}
	case *ast.AssignStmt, *ast.CompositeLit:
		fn = nil
	default:
		return nil
	}
	for _, k := range sinkKinds {
		if out, ok := k.recognise(a, n, fn, args); ok {
			return out
		}
	}
	return nil
}

// headerMethodSinks is sink kind 1: http.Header and textproto.MIMEHeader.
func headerMethodSinks(_ *pkgAnalysis, n ast.Node, fn *types.Func, args []ast.Expr) ([]sink, bool) {
	recv := recvOf(fn)
	if recv == nil || !isNamed(recv.Type(), "net/http", "Header") && !isNamed(recv.Type(), "net/textproto", "MIMEHeader") {
		return nil, false
	}
	if fn.Name() == "Set" || fn.Name() == "Add" {
		return setterSink(n.(*ast.CallExpr), args), true
	}
	return nil, true
}

// metadataSinks is sink kind 2: gRPC metadata.
func metadataSinks(_ *pkgAnalysis, n ast.Node, fn *types.Func, args []ast.Expr) ([]sink, bool) {
	if fn == nil {
		return nil, false
	}
	call := n.(*ast.CallExpr)
	switch recv := recvOf(fn); {
	case recv != nil && isNamed(recv.Type(), metadataPkg, "MD"):
		if (fn.Name() == "Set" || fn.Name() == "Append") && len(args) >= 2 && !call.Ellipsis.IsValid() {
			return []sink{{node: call, key: args[0], values: args[1:]}}, true
		}
		return nil, true
	case isPkgFunc(fn, metadataPkg, "Pairs") && !call.Ellipsis.IsValid():
		return pairs(call, args), true
	case isPkgFunc(fn, metadataPkg, "AppendToOutgoingContext") && len(args) > 0 && !call.Ellipsis.IsValid():
		return pairs(call, args[1:]), true
	}
	return nil, false
}

// indexSinks is sink kind 3: index assignments to header maps.
func indexSinks(a *pkgAnalysis, n ast.Node, _ *types.Func, _ []ast.Expr) ([]sink, bool) {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return nil, false
	}
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return nil, true
	}
	var out []sink
	for i, l := range as.Lhs {
		ix, ok := ast.Unparen(l).(*ast.IndexExpr)
		if !ok || !isHeaderMap(a.pkg.Info.TypeOf(ix.X)) || isNamed(a.pkg.Info.TypeOf(ix.X), "net/url", "Values") {
			continue
		}
		out = append(out, sink{node: as, key: ix.Index, values: a.headerValues(as.Rhs[i])})
	}
	return out, true
}

// literalSinks is sink kind 4: composite literals of header maps.
func literalSinks(a *pkgAnalysis, n ast.Node, _ *types.Func, _ []ast.Expr) ([]sink, bool) {
	lit, ok := n.(*ast.CompositeLit)
	if !ok || !isHeaderMap(a.pkg.Info.TypeOf(lit)) {
		return nil, false
	}
	var out []sink
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			out = append(out, sink{node: kv, key: kv.Key, values: a.headerValues(kv.Value)})
		}
	}
	return out, true
}

// headerAPISinks is sink kind 5: header APIs of any name (headerapi.go),
// and struct literals carrying a header pair.
func headerAPISinks(a *pkgAnalysis, n ast.Node, fn *types.Func, args []ast.Expr) ([]sink, bool) {
	switch n := n.(type) {
	case *ast.CompositeLit:
		return a.pairSinks(n), true
	case *ast.CallExpr:
		if isStdlib(fn.Pkg()) {
			return nil, true // the standard library writes headers only through kinds 1 and 2
		}
		sig := fn.Signature()
		if sig.Params().Len() == 2 && !sig.Variadic() &&
			isString(sig.Params().At(0).Type()) && isString(sig.Params().At(1).Type()) &&
			slices.Contains(a.cfg.HeaderSetters, fn.Name()) {
			return setterSink(n, args), true
		}
		return a.shapeSinks(n, fn, args), true
	}
	return nil, false
}

// recvOf returns the receiver of fn, or nil (also for a nil fn).
func recvOf(fn *types.Func) *types.Var {
	if fn == nil {
		return nil
	}
	return fn.Signature().Recv()
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
