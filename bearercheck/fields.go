package bearercheck

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A header value is often built in one function and written in another:
// c.authHeader = "Bearer " + token in a constructor or a refresh method,
// h.Set("Authorization", c.authHeader) in the request path. The function
// that builds the bearer value is the helper: the field is a header field
// (its value reaches an authorization sink), and the function stores a
// bearer value whose token comes from its parameters or receiver into it.
// When the field is given other schemes too, the sink is not a bearer site
// (the scheme arrives through the field), but the builder still is a
// helper.

// noteHeaderField records that the value e, written to an authorization
// sink, is read from a field.
func (a *pkgAnalysis) noteHeaderField(e ast.Expr) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return
	}
	s, ok := a.pkg.Info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return
	}
	if fld, ok := s.Obj().(*types.Var); ok && !a.headerFields[fld] {
		a.headerFields[fld] = true
		a.newFields = append(a.newFields, fld)
	}
}

// visitStores makes f a helper when an assignment or a struct literal
// stores a bearer value into a header field.
func (a *pkgAnalysis) visitStores(vis *fnVisit, n ast.Node) {
	info := a.pkg.Info
	f, s := vis.f, &vis.s
	store := func(fld *types.Var, rhs ast.Expr) {
		if fld != nil && a.tokenFields[fld.Origin()] {
			vis.stores.add(a.sourceOf(f, rhs)) // New(tok) { return &Client{token: tok} }
		}
		if fld == nil || !a.headerFields[fld] {
			return
		}
		v := a.eval(rhs, f)
		if v.IsParam() {
			s.addWrites(f.paramIndex(v.Head)) // a setter: SetAuthorization(v) { o.Authorization = v }
			return
		}
		if !v.IsBearer() {
			return
		}
		src := a.sourceOf(f, rhs)
		if v.Kind == KindHelper {
			vis.via.add(src)
		} else {
			vis.root.add(src)
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
					fld, _ := s.Obj().(*types.Var)
					store(fld, n.Rhs[i])
				}
			}
		}
	case *ast.CompositeLit:
		t := info.TypeOf(n)
		if t == nil {
			return
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return
		}
		for i, el := range n.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					fld, _ := info.Uses[id].(*types.Var)
					store(fld, kv.Value)
				}
			} else if i < st.NumFields() {
				store(st.Field(i), el)
			}
		}
	}
}

// importedField returns what another package knows about its field v.
func (a *pkgAnalysis) importedField(v *types.Var) *ResultSummary {
	if !v.IsField() || v.Pkg() == a.pkg.Types || v.Pkg() == nil || a.pkg.ImportedField == nil {
		return nil
	}
	v = v.Origin()
	return memo(a, a.importedFields, v, a.pkg.ImportedField)
}

// bearerFields returns the package's exported fields all of whose
// assignments in the package give them bearer values: a constructor in
// this package, a read in another.
func (a *pkgAnalysis) bearerFields() map[*types.Var]*ResultSummary {
	var out map[*types.Var]*ResultSummary
	for v := range a.assigns {
		if !v.IsField() || !v.Exported() || v.Pkg() != a.pkg.Types || !isString(v.Type()) {
			continue
		}
		if val := a.varValue(v); val.IsBearer() {
			if out == nil {
				out = map[*types.Var]*ResultSummary{}
			}
			out[v] = &ResultSummary{Head: -1, Prefix: val.Prefix, Exact: val.Exact}
		}
	}
	return out
}

// writtenArg handles the argument of a call to a function that writes its
// parameter p whole as the Authorization header value: a bearer value
// there is a site at the call; a parameter of f passed there makes f such
// a function too.
func (a *pkgAnalysis) writtenArg(vis *fnVisit, call *ast.CallExpr, fn *types.Func, p int) {
	f, s := vis.f, &vis.s
	arg := argFor(call, fn, p)
	if arg == nil {
		return
	}
	v := a.eval(arg, f)
	switch {
	case v.IsBearer():
		vis.root.add(a.sourceOf(f, arg))
		vis.addSite(&Site{Node: call, Value: arg, Val: v, Kind: siteKind(v)})
	case v.IsParam():
		s.addWrites(f.paramIndex(v.Head))
	}
}

// sourceOf returns the parameters and receiver fields of f that the
// token expressions es derive from. When there are some, the fields the
// expressions read on the way become token fields: a function that stores
// its parameter into one passes a token to a helper.
func (a *pkgAnalysis) sourceOf(f *fnCtx, es ...ast.Expr) TokenSource {
	return a.depsSource(f, a.deps(f, es...))
}

// depsSource is sourceOf for what d derives from.
func (a *pkgAnalysis) depsSource(f *fnCtx, d *depSet) TokenSource {
	src := d.source(f)
	if src.isZero() {
		return src
	}
	for _, fld := range d.fields {
		if !a.tokenFields[fld] && mayHoldToken(fld.Type()) {
			a.tokenFields[fld] = true
			a.newTokenFields = append(a.newTokenFields, fld)
		}
	}
	return src
}

// mayHoldToken reports whether a field of type t can hold a token or what
// it is taken from (a config, a token source): not a number, a boolean or
// request plumbing.
func mayHoldToken(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	return !isPlumbing(t)
}
