package bearercheck

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// dep is a variable an expression derives from, or one field of it.
type dep struct {
	v     *types.Var
	field string
	t     types.Type // the type of v, or of the field
}

// depSet is what an expression derives from, through local variables,
// calls and field selections.
type depSet struct {
	list     []dep
	seen     map[dep]bool // the elements of list, once it is long
	provider bool         // part of it comes from an AuthProvider
	// fields are the fields read on the way (c.config.authToken: config
	// and authToken).
	fields []*types.Var
}

// smallDeps is the length up to which a depSet is searched, not indexed.
const smallDeps = 8

func (d *depSet) add(x dep) {
	if d.seen == nil {
		if slices.Contains(d.list, x) {
			return
		}
		d.list = append(d.list, x)
		if len(d.list) > smallDeps {
			d.seen = make(map[dep]bool, 2*len(d.list))
			for _, y := range d.list {
				d.seen[y] = true
			}
		}
		return
	}
	if !d.seen[x] {
		d.seen[x] = true
		d.list = append(d.list, x)
	}
}

func (d *depSet) union(o *depSet) {
	for _, x := range o.list {
		d.add(x)
	}
	d.provider = d.provider || o.provider
	for _, f := range o.fields {
		d.addField(f)
	}
}

func (d *depSet) addField(f *types.Var) {
	if !slices.Contains(d.fields, f) {
		d.fields = append(d.fields, f)
	}
}

// narrow makes the dependencies on a whole struct (or pointer to one)
// with the named field, possibly a path a.b, dependencies on that field:
// what reads it reads the field, not the struct.
func (d *depSet) narrow(field string) {
	list := d.list
	d.list, d.seen = nil, nil
	for _, x := range list {
		t := x.t
		for name := range strings.SplitSeq(field, ".") {
			t = fieldType(t, name)
		}
		if t != nil {
			path := field
			if x.field != "" {
				path = x.field + "." + field
			}
			x = dep{v: x.v, field: path, t: t}
		}
		d.add(x)
	}
}

// fieldType returns the type of the named field of a struct or of a
// pointer to one, nil when there is none (or t is nil).
func fieldType(t types.Type, name string) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range s.NumFields() {
		if f := s.Field(i); f.Name() == name {
			return f.Type()
		}
	}
	return nil
}

// deps returns what the expressions derive from, inside function f.
func (a *pkgAnalysis) deps(f *fnCtx, es ...ast.Expr) *depSet {
	d := &depSet{}
	for _, e := range es {
		if e != nil {
			a.addDeps(d, f, e)
		}
	}
	return d
}

func (a *pkgAnalysis) addDeps(d *depSet, f *fnCtx, e ast.Expr) {
	info := a.pkg.Info
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			// A provider's value or token: mark it, and go on to record what
			// the provider itself derives from (a task, say).
			if fn, _ := typeutil.Callee(info, n).(*types.Func); fn != nil && a.fromProvider(fn, n) {
				d.provider = true
			}
		case *ast.SelectorExpr:
			sel, ok := info.Selections[n]
			if !ok {
				return false // a qualified identifier
			}
			if sel.Kind() == types.FieldVal {
				if fld, ok := sel.Obj().(*types.Var); ok {
					d.addField(fld.Origin())
				}
				if a.isProviderField(info.TypeOf(n.X), sel.Obj().Name()) {
					d.provider = true
				}
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && f != nil && f.owns(v) {
						d.add(dep{v, sel.Obj().Name(), sel.Obj().Type()})
						return false
					}
				}
			}
			a.addDeps(d, f, n.X)
			return false
		case *ast.Ident:
			v, ok := info.Uses[n].(*types.Var)
			if !ok || v.IsField() {
				break
			}
			d.add(dep{v, "", v.Type()})
			if f != nil && f.owns(v) {
				break
			}
			if v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
				d.union(a.varDeps(v))
			}
		}
		return true
	})
}

// varDeps returns what a local variable derives from, through all its assignments.
func (a *pkgAnalysis) varDeps(v *types.Var) *depSet {
	if d, ok := a.depMemo[v]; ok {
		return d
	}
	d := &depSet{}
	a.depMemo[v] = d // cycles see what is known so far
	for _, as := range a.assigns[v] {
		if as.rhs != nil {
			a.addDeps(d, as.ctx, as.rhs)
		}
	}
	if isAccumulator(v.Type()) {
		a.accDeps(d, v)
	}
	return d
}

// param returns the index of v among f's parameters; 0 and false if it
// is not one of them.
func (f *fnCtx) param(v *types.Var) (int, bool) {
	for i := 0; i < f.params.Len(); i++ {
		if f.params.At(i) == v {
			return i, true
		}
	}
	return 0, false
}

// paramIndex returns the index of v among f's parameters, RecvHead for
// its receiver, 0 if it is neither.
func (f *fnCtx) paramIndex(v *types.Var) int {
	if v != nil && v == f.recv {
		return RecvHead
	}
	i, _ := f.param(v)
	return i
}

// owns reports whether v is a parameter or the receiver of f.
func (f *fnCtx) owns(v *types.Var) bool {
	_, ok := f.param(v)
	return ok || v == f.recv && v != nil
}

// source returns the parameters and receiver fields of f that d derives
// from; nothing when part of it comes from an AuthProvider.
func (d *depSet) source(f *fnCtx) TokenSource {
	var t TokenSource
	if d.provider || f == nil {
		return t
	}
	params := f.obj.Signature().Params()
	var own []dep
	for _, x := range d.list {
		if f.owns(x.v) {
			own = append(own, x)
		}
	}
	for _, x := range tokenLike(own) {
		if i, ok := f.param(x.v); ok {
			name := params.At(i).Name()
			if x.field != "" {
				name += "." + x.field // the token is a field of the parameter
			}
			t.add(TokenSource{Params: []int{i}, Names: []string{name}})
		} else if x.v == f.recv {
			u := TokenSource{Recv: true}
			if x.field != "" {
				u.Fields = []string{x.field}
			}
			t.add(u)
		}
	}
	return t
}

// tokenLike narrows dependencies to those that can carry a token: the
// string-typed ones if any, else all but contexts and request plumbing.
func tokenLike(deps []dep) []dep {
	var strs, rest []dep
	for _, x := range deps {
		switch {
		case isString(x.t) || isBytes(x.t):
			strs = append(strs, x)
		case !isPlumbing(x.t):
			rest = append(rest, x)
		}
	}
	if len(strs) > 0 {
		return strs
	}
	return rest
}

func isBytes(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// isPlumbing reports whether t is a context, a request, a response writer
// or a URL: values a token is never taken from.
func isPlumbing(t types.Type) bool {
	return isNamed(t, "context", "Context") || isNamed(t, "net/http", "Request") ||
		isNamed(t, "net/http", "ResponseWriter") || isNamed(t, "net/url", "URL") ||
		isNamed(t, "net/http", "Header")
}

// has reports whether d derives from the available value av.
func (d *depSet) has(av *Avail) bool {
	for _, x := range d.list {
		if x.v == av.Var && (av.Field == nil || x.field == av.Field.Name()) {
			return true
		}
	}
	return false
}

// derivesFromTask reports whether any argument of call, or its receiver,
// derives from the task.
func (a *pkgAnalysis) derivesFromTask(call *ast.CallExpr, f *fnCtx, task *Avail) bool {
	es := append([]ast.Expr(nil), call.Args...)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		es = append(es, sel.X)
	}
	return a.deps(f, es...).has(task)
}

// tokenSource returns where the token of bearer values comes from in f:
// vals are the values of expressions es. When each token is the result of
// calls (tok, err := id.GetToken(ctx, client)), the calls are named as its
// source; what flows into them is kept for callers, not named.
func (a *pkgAnalysis) tokenSource(f *fnCtx, es []ast.Expr, vals []Value) TokenSource {
	src := a.sourceOf(f, es...)
	var calls []string
	for _, v := range vals {
		if !v.IsBearer() {
			continue
		}
		cs := a.tokenCalls(v.BearerToken(), f)
		if len(cs) == 0 {
			return src
		}
		for _, c := range cs {
			if !slices.Contains(calls, c) {
				calls = append(calls, c)
			}
		}
	}
	if len(calls) == 0 || src.isZero() {
		return src
	}
	return TokenSource{Params: src.Params, Names: make([]string, len(src.Params)), Recv: src.Recv, Calls: calls, Verbatim: src.Verbatim}
}

// tokenCalls returns, as written, the calls whose result the token t is:
// t itself, or each assignment of the local variable t. Only calls that
// fetch a token count: a call given a non-constant string transforms it
// (strings.TrimSpace(tok)), and its argument is the source.
func (a *pkgAnalysis) tokenCalls(t ast.Expr, f *fnCtx) []string {
	if t == nil {
		return nil
	}
	info := a.pkg.Info
	var rhs []ast.Expr
	switch e := ast.Unparen(t).(type) {
	case *ast.CallExpr:
		rhs = []ast.Expr{e}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || f.owns(v) || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		for _, as := range a.assigns[v] {
			if as.opaque || as.appends || as.ctx != f {
				return nil
			}
			rhs = append(rhs, as.rhs)
		}
	}
	var out []string
	for _, e := range rhs {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || !a.fetches(call) {
			return nil
		}
		if name := types.ExprString(call.Fun); !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// fetches reports whether a call fetches a value rather than transforming
// a string it is given: it is no conversion, and every string or []byte
// argument is constant.
func (a *pkgAnalysis) fetches(call *ast.CallExpr) bool {
	info := a.pkg.Info
	if tv, ok := info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return false
	}
	for _, arg := range call.Args {
		tv := info.Types[arg]
		if (isString(tv.Type) || isBytes(tv.Type)) && tv.Value == nil {
			return false
		}
	}
	return true
}
