package bearercheck

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// isProviderMethod reports whether fn is an AuthProvider method: named by
// the configuration, no parameters, returning string, (string, error) or
// (string, bool).
func (a *pkgAnalysis) isProviderMethod(fn *types.Func) bool {
	if fn == nil || fn.Name() != a.cfg.ProviderMethod {
		return false
	}
	sig := fn.Signature()
	if sig.Recv() == nil || sig.Params().Len() != 0 {
		return false
	}
	res := sig.Results()
	switch res.Len() {
	case 1:
		return isString(res.At(0).Type())
	case 2:
		second := res.At(1).Type()
		return isString(res.At(0).Type()) && (isErrorType(second) || types.Identical(second.Underlying(), types.Typ[types.Bool]))
	}
	return false
}

// providerMethodOf returns the AuthProvider method of t, or nil.
func (a *pkgAnalysis) providerMethodOf(t types.Type) *types.Func {
	if t == nil {
		return nil
	}
	if m, ok := a.providerCache[t]; ok {
		return m
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, a.pkg.Types, a.cfg.ProviderMethod)
	m, _ := obj.(*types.Func)
	if !a.isProviderMethod(m) {
		m = nil
	}
	if !a.done {
		a.providerCache[t] = m
	}
	return m
}

// providerFields returns the string fields of the receiver that a provider
// method reads.
func (a *pkgAnalysis) providerFields(f *fnCtx) []string {
	var out []string
	if f.recv == nil {
		return nil
	}
	ast.Inspect(f.decl.Body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		s, ok := a.pkg.Info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal || !isString(s.Obj().Type()) {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && a.pkg.Info.Uses[id] == f.recv && !slices.Contains(out, s.Obj().Name()) {
			out = append(out, s.Obj().Name())
		}
		return true
	})
	return out
}

// isProviderField reports whether field name of t is read by t's provider
// method: a token read from it comes from the provider.
func (a *pkgAnalysis) isProviderField(t types.Type, name string) bool {
	m := a.providerMethodOf(t)
	if m == nil {
		return false
	}
	s := a.summary(m)
	if s == nil || !slices.Contains(s.ProviderFields, name) {
		return false
	}
	// The field and the method must belong to the same (possibly embedded)
	// struct: in struct{ *Inner; Token string } the outer Token is not the
	// one Inner's provider method reads.
	_, mpath, _ := types.LookupFieldOrMethod(t, true, a.pkg.Types, m.Name())
	_, fpath, _ := types.LookupFieldOrMethod(t, true, a.pkg.Types, name)
	return len(mpath) > 0 && slices.Equal(mpath[:len(mpath)-1], fpath[:max(len(fpath)-1, 0)])
}

// fromProvider reports whether a call returns a provider's header value or
// the raw token of a provider (its token accessor).
func (a *pkgAnalysis) fromProvider(fn *types.Func, call *ast.CallExpr) bool {
	if a.isProviderMethod(fn) {
		return true
	}
	if fn.Signature().Recv() == nil || !slices.Contains(a.cfg.TokenMethods, fn.Name()) {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && a.providerMethodOf(a.pkg.Info.TypeOf(sel.X)) != nil
}

// isTask reports whether t (pointers stripped) is an agent task type.
func (a *pkgAnalysis) isTask(t types.Type) bool {
	n := namedOf(t)
	if n == nil {
		return false
	}
	obj := n.Obj()
	return memo(a, a.taskTypes, obj, a.cfg.IsTaskType)
}

// findAvail returns the first value available in f whose type satisfies
// ok: the receiver, a parameter, a direct field of either, or a local.
func (a *pkgAnalysis) findAvail(f *fnCtx, ok func(types.Type) bool) *Avail {
	var buf [8]*types.Var
	roots := buf[:0]
	if f.recv != nil {
		roots = append(roots, f.recv)
	}
	params := f.obj.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		roots = append(roots, params.At(i))
	}
	usable := func(v *types.Var) bool { return v.Name() != "" && v.Name() != "_" }
	for _, v := range roots {
		if usable(v) && ok(v.Type()) {
			return &Avail{Expr: v.Name(), Var: v}
		}
	}
	for _, v := range roots {
		if !usable(v) {
			continue
		}
		t := v.Type()
		if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
			t = p.Elem()
		}
		st, isStruct := t.Underlying().(*types.Struct)
		if !isStruct {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			fd := st.Field(i)
			if ok(fd.Type()) && (fd.Exported() || fd.Pkg() == a.pkg.Types) {
				return &Avail{Expr: v.Name() + "." + fd.Name(), Var: v, Field: fd}
			}
		}
	}
	for _, v := range f.locals {
		if usable(v) && ok(v.Type()) {
			return &Avail{Expr: v.Name(), Var: v}
		}
	}
	return nil
}

// allowed reports whether fn is exempt by the allow list.
// A nil fn asks about the package's package-level declarations.
func (a *pkgAnalysis) allowed(fn *types.Func) bool {
	return a.cfg.Allowed(a.pkg.Types, fn)
}

// isBearerAPI reports whether fn is in the bearer-by-API table.
func (a *pkgAnalysis) isBearerAPI(fn *types.Func) bool {
	return memo(a, a.bearerAPIs, fn, a.cfg.IsBearerAPI)
}

// ProviderOf returns the AuthProvider expression that tok reads its token
// from: p for p.BearerToken() (a token accessor) or p.Token (a field the
// provider method reads), and p's provider method.
func (r *Result) ProviderOf(tok ast.Expr) (ast.Expr, *types.Func) {
	a := r.a
	info := a.pkg.Info
	tok = ast.Unparen(tok)
	switch e := tok.(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if fn == nil || !ok || len(e.Args) != 0 || fn.Signature().Recv() == nil || !slices.Contains(a.cfg.TokenMethods, fn.Name()) {
			return nil, nil
		}
		if m := a.providerMethodOf(info.TypeOf(sel.X)); m != nil {
			return sel.X, m
		}
	case *ast.SelectorExpr:
		s, ok := info.Selections[e]
		if ok && s.Kind() == types.FieldVal && a.isProviderField(info.TypeOf(e.X), s.Obj().Name()) {
			return e.X, a.providerMethodOf(info.TypeOf(e.X))
		}
	}
	return nil, nil
}

// memo returns f(k), remembered in m while the analysis runs: once
// Analyze has returned, the result may be read from several goroutines,
// and nothing is written.
func memo[K comparable, V any](a *pkgAnalysis, m map[K]V, k K, f func(K) V) V {
	v, ok := m[k]
	if !ok {
		v = f(k)
		if !a.done {
			m[k] = v
		}
	}
	return v
}
