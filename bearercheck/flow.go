package bearercheck

import (
	"go/types"
)

// pending reports whether fn is a function of the package, visited while
// summaries are computed, whose summary is not known yet: a call to it from
// itself or from a function it calls (recursion) is assumed to add nothing,
// and the caller is visited again once fn has been.
func (a *pkgAnalysis) pending(fn *types.Func) bool {
	fn = fn.Origin()
	if a.visited == nil || a.cur == nil || fn.Pkg() != a.pkg.Types || a.visited[fn] {
		return false
	}
	f := a.declared(fn)
	if f == nil || f.exempt {
		return false
	}
	if a.pendingReaders[fn] == nil {
		a.pendingReaders[fn] = map[*fnCtx]bool{}
	}
	a.pendingReaders[fn][a.cur] = true
	return true
}

// declared returns the declaration of a function of the package.
func (a *pkgAnalysis) declared(fn *types.Func) *fnCtx {
	if a.byObj == nil {
		a.byObj = make(map[*types.Func]*fnCtx, len(a.funcs))
		for _, f := range a.funcs {
			a.byObj[f.obj] = f
		}
	}
	return a.byObj[fn]
}

// implsResult returns the value an interface method returns when every
// implementation of it in the program — this package and the packages it
// imports, whose methods are known through facts — returns a bearer value:
// a.Header() where every Authenticator's Header returns "Bearer "+….
func (a *pkgAnalysis) implsResult(fn *types.Func) (Value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) || isStdlib(fn.Pkg()) ||
		sig.Results().Len() == 0 || !isString(sig.Results().At(0).Type()) {
		return unknown, false
	}
	impls := a.implementations(fn)
	if len(impls) == 0 {
		return unknown, false
	}
	var vals []Value
	for _, m := range impls {
		s := a.summary(m)
		if s == nil || len(s.Results) == 0 {
			if a.pending(m) {
				continue
			}
			return unknown, false
		}
		r := s.Results[0]
		if r.Head != -1 || !isBearerText(r.Prefix) {
			return unknown, false
		}
		vals = append(vals, Value{Prefix: r.Prefix, Exact: r.Exact})
	}
	v := merge(vals)
	if !v.IsBearer() {
		return unknown, false
	}
	v.Kind, v.Helper = KindHelper, fn
	return v, true
}

// implementations returns the methods that implement interface method fn
// in the named types of the program's packages outside the standard
// library.
func (a *pkgAnalysis) implementations(fn *types.Func) []*types.Func {
	if ms, ok := a.impls[fn]; ok {
		return ms
	}
	if a.impls == nil {
		a.impls = map[*types.Func][]*types.Func{}
	}
	iface, _ := fn.Signature().Recv().Type().Underlying().(*types.Interface)
	var out []*types.Func
	for _, pkg := range a.programPackages() {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			for _, t := range []types.Type{named, types.NewPointer(named)} {
				if obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, fn.Name()); obj == nil {
					break // no method of that name: not an implementation
				}
				if iface != nil && types.Implements(t, iface) {
					obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, fn.Name())
					if m, ok := obj.(*types.Func); ok {
						out = append(out, m)
					}
					break
				}
			}
		}
	}
	a.impls[fn] = out
	return out
}

// programPackages returns this package and the packages it imports,
// transitively, outside the standard library.
func (a *pkgAnalysis) programPackages() []*types.Package {
	if a.program != nil {
		return a.program
	}
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if p == nil || seen[p] || isStdlib(p) {
			return
		}
		seen[p] = true
		a.program = append(a.program, p)
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(a.pkg.Types)
	return a.program
}
