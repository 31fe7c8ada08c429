package fixes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"github.com/bearercheck/bearercheck/bearercheck"
)

// guard returns the guard rewrite for a bearer value built from tok, the
// variable of a token guard:
//
//	if tok := p.BearerToken(); tok != "" { h.Set("Authorization", "Bearer "+tok) }
//
// becomes
//
//	if authz := p.AuthorizationHeaderValue(); authz != "" { h.Set("Authorization", authz) }
//
// when tok has no other use. The new name collides with nothing in scope
// and shadows nothing the statement refers to.
func (f *Fixer) guard(s *bearercheck.Site, origin, tok ast.Expr) *change {
	info := f.pass.TypesInfo
	id, ok := ast.Unparen(tok).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != f.pass.Pkg {
		return nil
	}
	fi := f.file(s.File)
	if fi == nil {
		return nil
	}
	// The if statement that declares tok in its init.
	r := f.index(fi).vars[v]
	if r == nil {
		return nil
	}
	var stmt *ast.IfStmt
	for _, d := range r.defs {
		as, ok := d.parent.(*ast.AssignStmt)
		is, _ := d.grand.(*ast.IfStmt)
		if ok && is != nil && is.Init == as && as.Tok == token.DEFINE &&
			len(as.Lhs) == 1 && len(as.Rhs) == 1 && as.Lhs[0] == d.id && within(id, is) {
			stmt = is
			break
		}
	}
	if stmt == nil {
		return nil
	}
	init := stmt.Init.(*ast.AssignStmt)
	lhs, rhs := init.Lhs[0].(*ast.Ident), init.Rhs[0]

	p, m := f.res.ProviderOf(rhs)
	if m == nil {
		return nil
	}
	call, ok := f.providerCall(p, m, rhs, origin)
	if !ok {
		return nil
	}

	// The condition is tok != "" (either way round).
	cond, ok := ast.Unparen(stmt.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return nil
	}
	var condID *ast.Ident
	for _, pair := range [][2]ast.Expr{{cond.X, cond.Y}, {cond.Y, cond.X}} {
		x, ok := ast.Unparen(pair[0]).(*ast.Ident)
		if s, isConst := f.constString(pair[1]); ok && isConst && s == "" && info.Uses[x] == v {
			condID = x
		}
	}
	if condID == nil {
		return nil
	}

	// tok has no use besides the condition and the bearer value.
	for _, u := range r.uses {
		if u != condID && u != id {
			return nil
		}
	}

	var outer *types.Scope // the scope around the if statement's own
	if scope := f.pass.TypesInfo.Scopes[stmt]; scope != nil {
		outer = scope.Parent()
	}
	name := freshName(outer, stmt)
	if name == "" {
		return nil
	}
	edits := []edit{{lhs.Pos(), lhs.End(), name}}
	edits = append(edits, replaceAround(rhs, p, "."+m.Name()+"()")...)
	edits = append(edits,
		edit{condID.Pos(), condID.End(), name},
		edit{origin.Pos(), origin.End(), name},
	)
	return &change{message: "rewrite the token guard to use " + call, edits: edits, keep: []ast.Node{p}}
}

// freshName returns authz, authz2, …: the first name that is not
// visible from scope at stmt and is not used anywhere inside stmt.
func freshName(scope *types.Scope, stmt ast.Stmt) string {
	if scope == nil {
		return ""
	}
	inner := map[string]bool{}
	ast.Inspect(stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			inner[id.Name] = true
		}
		return true
	})
	for i := 1; i < 100; i++ {
		name := "authz"
		if i > 1 {
			name += strconv.Itoa(i)
		}
		if _, obj := scope.LookupParent(name, stmt.Pos()); obj == nil && !inner[name] {
			return name
		}
	}
	return ""
}

// constString returns the value of a constant string expression.
func (f *Fixer) constString(e ast.Expr) (string, bool) {
	tv, ok := f.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
