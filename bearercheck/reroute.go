package bearercheck

import (
	"go/ast"
	"go/types"
)

// WithAuth is the suffix of the provider-taking variant that the
// migration gives an exported function or method (BearerHeader becomes
// BearerHeaderWithAuth), and the name of the method that returns a
// migrated client's shallow copy with another provider
// (func (c *Client) WithAuth(p auth.Provider) *Client).
const WithAuth = "WithAuth"

// A Reroute says how a call that ignores an available agent task can pass
// the task's provider instead, in code that is already migrated: through
// the callee's provider-taking variant, or through the receiver's WithAuth
// method. Both are found with go/types, so they exist.
type Reroute struct {
	// Variant is F+"WithAuth", the callee's provider-taking variant:
	// the same signature, except that the parameters in Params, strings
	// in the callee, take a provider.
	Variant *types.Func
	Params  []int
	// WithAuth is the receiver type's method WithAuth(P) *T.
	WithAuth *types.Func
	// Provider is set when the call is the provider method itself, in a
	// function with a migrated site: the provider it is called on is not
	// the task's.
	Provider bool
}

// reroute returns how a call of fn can carry a task's provider, or nil.
func (a *pkgAnalysis) reroute(fn *types.Func) *Reroute {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if r, ok := a.reroutes[fn]; ok {
		return r
	}
	r := a.variant(fn)
	if r == nil {
		r = a.withAuth(fn)
	}
	if !a.done {
		a.reroutes[fn] = r
	}
	return r
}

// variant finds fn's provider-taking variant.
func (a *pkgAnalysis) variant(fn *types.Func) *Reroute {
	sig := fn.Signature()
	var obj types.Object
	if recv := sig.Recv(); recv != nil {
		obj, _, _ = types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), fn.Name()+WithAuth)
	} else {
		obj = fn.Pkg().Scope().Lookup(fn.Name() + WithAuth)
	}
	v, _ := obj.(*types.Func)
	if v == nil {
		return nil
	}
	vs := v.Signature()
	if vs.Params().Len() != sig.Params().Len() || vs.Variadic() != sig.Variadic() || !types.Identical(vs.Results(), sig.Results()) {
		return nil
	}
	var params []int
	for i := range sig.Params().Len() {
		old, new := sig.Params().At(i).Type(), vs.Params().At(i).Type()
		switch {
		case types.Identical(old, new):
		case isString(old) && a.providerMethodOf(new) != nil:
			params = append(params, i)
		default:
			return nil
		}
	}
	if len(params) == 0 {
		return nil
	}
	return &Reroute{Variant: v, Params: params}
}

// withAuth finds the WithAuth(P) *T method of the type of fn's receiver.
func (a *pkgAnalysis) withAuth(fn *types.Func) *Reroute {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Name() == WithAuth {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), WithAuth)
	m, _ := obj.(*types.Func)
	if m == nil {
		return nil
	}
	ms := m.Signature()
	if ms.Params().Len() != 1 || ms.Results().Len() != 1 || a.providerMethodOf(ms.Params().At(0).Type()) == nil {
		return nil
	}
	res := ms.Results().At(0).Type()
	if !types.Identical(res, recv.Type()) && !types.Identical(res, types.NewPointer(recv.Type())) {
		return nil
	}
	return &Reroute{WithAuth: m}
}

// viaWithAuth reports whether the receiver of call is already a WithAuth
// call: the call carries the provider it was given.
func (a *pkgAnalysis) viaWithAuth(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	s, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr)
	return ok && s.Sel.Name == WithAuth
}
