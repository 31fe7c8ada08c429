package fixes

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis"
)

// The migration (SPEC §3.3, §3.4): from a sink whose token is raw, the
// token is followed back through locals, parameters of the package's
// functions and unexported fields of its structs to where it enters; the
// whole path is retyped to the provider interface, the sink sends the
// provider's header value (no header when it is empty), and the raw token
// is wrapped by the token adapter once, where it enters. An exported
// function whose parameter is retyped keeps its old form as a deprecated
// wrapper marked //go:fix inline, calling the new FWithAuth.
//
// A unit is one such migration: the sinks and returns that share any part
// of their paths are migrated together, by one fix.

// WithAuth is the suffix of the provider-taking variant of an exported
// function or method: BearerHeader becomes BearerHeaderWithAuth.
const WithAuth = bearercheck.WithAuth

// unit is one migration under construction.
type unit struct {
	roots    []*bearercheck.Site
	params   map[*types.Var]bool
	locals   map[*types.Var]bool
	fields   map[*types.Var]bool
	funcs    map[*types.Func]bool // functions whose parameters are retyped
	exported map[*types.Func]bool // of those, the exported ones (wrappers)
	consumed map[*ast.Ident]bool  // uses of path variables the migration rewrites
	entries  []ast.Expr           // raw tokens the adapter wraps
	access   map[ast.Expr]ast.Expr
	renames  []*ast.Ident // in-package calls of exported functions: F -> FWithAuth
	nilCmp   []ast.Expr   // the "" of tok != "": becomes nil
	// Exported fields read on the path: each keeps its string and gains a
	// provider field beside it; the read becomes x.fieldProvider().
	pubFields map[*ast.SelectorExpr]*types.Var
	calls     int // calls whose argument changes
	blocked   string
	// stop holds the fields that stay strings: other code uses them, so
	// a read of one on the path is where the raw token enters.
	stop map[*types.Var]bool
	// kept is the field whose other use stopped the path there, and that
	// use, for the fix's message.
	kept map[*types.Var]string
	// blockedBy is the field whose other use blocked the unit, if any.
	blockedBy *types.Var

	fix *analysis.SuggestedFix
}

func (u *unit) block(format string, args ...any) {
	if u.blocked == "" {
		u.blocked = fmt.Sprintf(format, args...)
	}
}

// keys are the objects the unit changes: two units that share one merge.
func (u *unit) keys() []types.Object {
	var out []types.Object
	for v := range u.params {
		out = append(out, v)
	}
	for v := range u.locals {
		out = append(out, v)
	}
	for v := range u.fields {
		out = append(out, v)
	}
	for f := range u.funcs {
		out = append(out, f)
	}
	return out
}

// pkgIndex is what the planner needs to know about the package's syntax.
type pkgIndex struct {
	parent  map[ast.Node]ast.Node
	uses    map[types.Object][]*ast.Ident
	params  map[*types.Var]paramInfo
	decls   map[*types.Func]*ast.FuncDecl
	fields  map[*types.Var]*ast.Field // struct fields declared in the package
	unkeyed map[types.Type]bool       // struct types with unkeyed literals
	ifaces  map[string]bool           // method names of the package's interfaces
	fileOf  map[*ast.File]bool
}

type paramInfo struct {
	decl  *ast.FuncDecl // nil for a function literal's parameter
	fn    *types.Func
	index int
	field *ast.Field
}

func (f *Fixer) pkgIndex() *pkgIndex {
	info := f.pass.TypesInfo
	x := &pkgIndex{
		parent: map[ast.Node]ast.Node{}, uses: map[types.Object][]*ast.Ident{},
		params: map[*types.Var]paramInfo{}, decls: map[*types.Func]*ast.FuncDecl{},
		fields: map[*types.Var]*ast.Field{}, unkeyed: map[types.Type]bool{}, ifaces: map[string]bool{},
		fileOf: map[*ast.File]bool{},
	}
	for _, file := range f.pass.Files {
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			if len(stack) > 0 {
				x.parent[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.Ident:
				if obj := info.Uses[n]; obj != nil && obj.Pkg() == f.pass.Pkg {
					x.uses[obj] = append(x.uses[obj], n)
				}
			case *ast.FuncDecl:
				fn, _ := info.Defs[n.Name].(*types.Func)
				if fn != nil {
					x.decls[fn] = n
					i := 0
					for _, fld := range n.Type.Params.List {
						for _, name := range fld.Names {
							if v, ok := info.Defs[name].(*types.Var); ok {
								x.params[v] = paramInfo{n, fn, i, fld}
							}
							i++
						}
						if len(fld.Names) == 0 {
							i++
						}
					}
				}
			case *ast.FuncLit:
				for _, fld := range n.Type.Params.List {
					for _, name := range fld.Names {
						if v, ok := info.Defs[name].(*types.Var); ok {
							x.params[v] = paramInfo{field: fld}
						}
					}
				}
			case *ast.StructType:
				for _, fld := range n.Fields.List {
					for _, name := range fld.Names {
						if v, ok := info.Defs[name].(*types.Var); ok {
							x.fields[v] = fld
						}
					}
				}
			case *ast.InterfaceType:
				for _, m := range n.Methods.List {
					for _, name := range m.Names {
						x.ifaces[name.Name] = true
					}
				}
			case *ast.CompositeLit:
				if len(n.Elts) > 0 {
					if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
						if t := info.TypeOf(n); t != nil {
							x.unkeyed[types.Unalias(t)] = true
						}
					}
				}
			}
			return true
		})
	}
	return x
}

// planMigrations builds the migration units of the package and their fixes.
func (f *Fixer) planMigrations() {
	f.units = map[*bearercheck.Site]*unit{}
	f.helperUnits = map[*types.Func]*unit{}
	f.noFix = map[any]string{}
	m := f.res.Migration()
	if m == nil {
		return
	}
	var roots []*bearercheck.Site
	for _, s := range f.res.Sites {
		if f.planned[s] != nil || s.Generated || s.File == nil || f.generated(s.File) {
			continue
		}
		switch s.Kind {
		case bearercheck.KindLiteral, bearercheck.KindSprintf, bearercheck.KindJoin:
			roots = append(roots, s)
		}
	}
	for _, h := range f.res.Helpers {
		if h.Summary.Root && !h.Generated {
			roots = append(roots, h.Returns...)
		}
	}
	for _, s := range f.res.Sites {
		if s.Kind == bearercheck.KindHelper && s.Val.Helper != nil && s.Val.Helper.Pkg() != f.pass.Pkg {
			f.noFix[s] = f.viaOther(s.Val.Helper)
		}
	}
	if len(roots) == 0 {
		f.noFixHelpers("")
		return
	}
	if why := m.Missing; why != "" {
		for _, r := range roots {
			f.noFix[r] = why
		}
		f.noFixHelpers(why)
		return
	}
	x := f.pkgIndex()
	// One unit per root, merged while two share an object.
	var groups [][]*bearercheck.Site
	for _, r := range roots {
		groups = append(groups, []*bearercheck.Site{r})
	}
	var units []*unit
	for {
		units = units[:0]
		owner := map[types.Object]int{}
		merged := false
		for i, g := range groups {
			u := f.trace(x, m, g)
			units = append(units, u)
			for _, k := range u.keys() {
				if j, ok := owner[k]; ok && j != i && !merged {
					groups[j] = append(groups[j], g...)
					groups = slices.Delete(groups, i, i+1)
					merged = true
				}
				owner[k] = i
			}
			if merged {
				break
			}
		}
		if !merged {
			break
		}
	}
	for _, u := range units {
		if u.blocked == "" {
			f.unitFix(x, m, u)
		}
		for _, r := range u.roots {
			f.units[r] = u
			if u.blocked != "" {
				f.noFix[r] = u.blocked
			}
		}
		for fn := range u.funcs {
			f.helperUnits[fn] = u
		}
		for _, r := range u.roots {
			if r.FuncObj != nil && f.helperUnits[r.FuncObj] == nil {
				f.helperUnits[r.FuncObj] = u
			}
		}
	}
	f.noFixHelpers("")
}

// noFixHelpers records why root helpers without a unit get no fix.
func (f *Fixer) noFixHelpers(why string) {
	for _, h := range f.res.Helpers {
		if !h.Summary.Root {
			continue
		}
		switch u := f.helperUnits[h.Obj]; {
		case h.Generated:
			f.noFix[h.Obj] = "it is generated: its generator must change"
		case u != nil && u.blocked != "":
			f.noFix[h.Obj] = u.blocked
		case u == nil && why != "":
			f.noFix[h.Obj] = why
		case u == nil:
			f.noFix[h.Obj] = "its token does not reach a sink this fix can rewrite"
			for _, s := range f.res.Sites {
				if s.FuncObj == h.Obj && f.noFix[s] != "" {
					f.noFix[h.Obj] = f.noFix[s]
				}
			}
		}
	}
}

// viaOther says why a call of another package's helper gets no fix.
func (f *Fixer) viaOther(fn *types.Func) string {
	name := fn.Pkg().Name() + "." + fn.Name()
	return name + " migrates in its own package; this call then goes through its deprecated wrapper"
}

// trace builds the unit of roots. A field that other code uses as a
// string (a generated file, a log line, another header) does not block
// the unit: the path stops at the field's reads, where the adapter wraps
// the raw token (SPEC §3.3: the token "enters" at a config field), and
// the field stays a string.
func (f *Fixer) trace(x *pkgIndex, m *bearercheck.Migration, roots []*bearercheck.Site) *unit {
	stop, kept := map[*types.Var]bool{}, map[*types.Var]string{}
	for {
		u := f.traceOnce(x, m, roots, stop)
		fv := u.blockedBy
		if fv == nil || stop[fv] {
			u.kept = kept
			return u
		}
		stop[fv] = true
		kept[fv] = u.blocked
	}
}

// traceOnce builds the unit of roots, stopping at the fields in stop.
func (f *Fixer) traceOnce(x *pkgIndex, m *bearercheck.Migration, roots []*bearercheck.Site, stop map[*types.Var]bool) *unit {
	u := &unit{
		roots: roots, params: map[*types.Var]bool{}, locals: map[*types.Var]bool{}, fields: map[*types.Var]bool{},
		funcs: map[*types.Func]bool{}, exported: map[*types.Func]bool{}, consumed: map[*ast.Ident]bool{},
		access: map[ast.Expr]ast.Expr{}, pubFields: map[*ast.SelectorExpr]*types.Var{}, stop: stop,
	}
	for _, r := range roots {
		tok := r.Val.BearerToken()
		if tok == nil || r.Val.Origin == nil || !types.Identical(f.pass.TypesInfo.TypeOf(tok), types.Typ[types.String]) {
			u.block("the token is not one string expression")
			continue
		}
		if r.Node != nil && !f.reachesSink(r, r.Val.Origin) {
			u.block("the bearer value is built away from the sink")
			continue
		}
		f.traceExpr(x, m, u, tok)
	}
	// Every use of a retyped variable must be one the migration rewrites:
	// a comparison with "" becomes one with nil (the credential is there or
	// not; the sink's guard skips an empty header value).
	check := func(what string, vars map[*types.Var]bool) {
		for _, v := range sortedVars(vars) {
			for _, id := range x.uses[v] {
				if !u.consumed[id] {
					if other := f.emptyCmp(x, id); other != nil && (what != "variable" || m.Adapter == nil || nilable(m.Adapter.Result)) {
						u.consumed[id] = true
						u.nilCmp = append(u.nilCmp, other)
						continue
					}
					u.block("%s %s is also used at %s, where it must stay a string", what, v.Name(), f.where(id))
					if what == "field" {
						u.blockedBy = v
					}
					return
				}
			}
		}
	}
	check("parameter", u.params)
	check("variable", u.locals)
	check("field", u.fields)
	return u
}

// emptyCmp returns the other operand of a comparison of id (or x.id)
// with the empty string, or nil.
func (f *Fixer) emptyCmp(x *pkgIndex, id *ast.Ident) ast.Expr {
	var n ast.Node = id
	if sel, ok := x.parent[id].(*ast.SelectorExpr); ok && sel.Sel == id {
		n = sel
	}
	for {
		p, ok := x.parent[n].(*ast.ParenExpr)
		if !ok {
			break
		}
		n = p
	}
	b, ok := x.parent[n].(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return nil
	}
	other := b.Y
	if b.Y == n {
		other = b.X
	}
	if s, ok := f.constString(other); !ok || s != "" {
		return nil
	}
	return other
}

// nilable reports whether t can be compared with nil.
func nilable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}

// where names a position for messages: file:line, the file's base name.
func (f *Fixer) where(n ast.Node) string {
	p := f.pass.Fset.Position(n.Pos())
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return fmt.Sprintf("%s:%d", name, p.Line)
}

func sortedVars(m map[*types.Var]bool) []*types.Var {
	out := make([]*types.Var, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	return out
}

// traceExpr follows the raw token e back to where it enters.
func (f *Fixer) traceExpr(x *pkgIndex, m *bearercheck.Migration, u *unit, e ast.Expr) {
	info := f.pass.TypesInfo
	e = ast.Unparen(e)
	if _, isConst := f.constString(e); isConst && !f.isTest(e) {
		u.block("a hard-coded credential reaches it at %s: move the credential out of source first", f.where(e))
		return
	}
	if p, pm := f.res.ProviderOf(e); pm != nil {
		t := info.TypeOf(p)
		if m.Provider != nil && (t == nil || !types.AssignableTo(t, m.Provider.Type())) || pm.Signature().Results().Len() != 1 {
			u.block("%s is not a %s", types.ExprString(p), m.ProviderRef.Name)
			return
		}
		u.access[e] = p
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.Pkg() != f.pass.Pkg || v.Parent() == f.pass.Pkg.Scope() {
			break // a package-level variable is where the token enters
		}
		if pi, isParam := x.params[v]; isParam {
			if pi.fn != nil && f.exportedFunc(pi.fn) && !f.tokenParam(pi.fn, pi.index) {
				break // a constructor's parameter is where the token enters
			}
			u.consumed[e] = true
			f.traceParam(x, m, u, v, pi)
			return
		}
		if v.Parent() == nil || v.IsField() {
			break
		}
		fi := f.file(f.fileOf(e))
		if fi == nil {
			u.block("the file of %s cannot be read", v.Name())
			return
		}
		rhs := f.soleValue(fi, v)
		if rhs == nil {
			u.block("variable %s is assigned more than once", v.Name())
			return
		}
		u.consumed[e] = true
		if !u.locals[v] {
			u.locals[v] = true
			f.traceExpr(x, m, u, rhs)
		}
		return
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			break
		}
		fv := sel.Obj().(*types.Var)
		if fv.Exported() && fv.Pkg() == f.pass.Pkg && x.fields[fv] != nil && !fv.Embedded() && !f.isTest(e) {
			// An exported field stays (other code sets it) beside a new
			// provider field; the path reads the provider.
			u.pubFields[e] = fv
			return
		}
		if fv.Exported() || fv.Pkg() != f.pass.Pkg || x.fields[fv] == nil || fv.Embedded() || u.stop[fv] {
			break // a field of another package, or one that stays a string, is where the token enters
		}
		u.consumed[e.Sel] = true
		f.traceField(x, m, u, fv)
		return
	}
	u.entries = append(u.entries, e)
}

// traceParam retypes parameter v and follows the arguments of every call
// of its function in the package.
func (f *Fixer) traceParam(x *pkgIndex, m *bearercheck.Migration, u *unit, v *types.Var, pi paramInfo) {
	if u.params[v] {
		return
	}
	u.params[v] = true
	if pi.decl == nil {
		u.block("parameter %s belongs to a function literal", v.Name())
		return
	}
	fn := pi.fn
	sig := fn.Signature()
	if sig.Variadic() && pi.index == sig.Params().Len()-1 {
		u.block("parameter %s of %s is variadic", v.Name(), fn.Name())
		return
	}
	if fn.Name() == "main" || fn.Name() == "init" || fn.Name() == "_" {
		u.block("%s cannot change", fn.Name())
		return
	}
	u.funcs[fn] = true
	if sig.Recv() != nil && x.ifaces[fn.Name()] {
		u.block("an interface has a method %s", fn.Name())
		return
	}
	exported := f.exportedFunc(fn)
	if exported {
		u.exported[fn] = true
		if sig.TypeParams() != nil || sig.RecvTypeParams() != nil {
			u.block("generic %s would need a generic wrapper", fn.Name())
			return
		}
		if f.declared(fn, fn.Name()+WithAuth) {
			u.block("%s already exists", fn.Name()+WithAuth)
			return
		}
	}
	for _, id := range x.uses[fn] {
		call := f.callOf(x, id)
		if call == nil {
			if !exported {
				u.block("%s is used as a value at %s", fn.Name(), f.where(id))
			}
			continue
		}
		if exported {
			if f.isTest(id) {
				continue // a test keeps calling the deprecated wrapper
			}
			u.renames = append(u.renames, id)
		}
		if pi.index >= len(call.Args) || call.Ellipsis.IsValid() {
			u.block("the call at %s spreads its arguments", f.where(call))
			continue
		}
		u.calls++
		f.traceExpr(x, m, u, call.Args[pi.index])
	}
}

// traceField retypes field fv and follows every value stored in it.
func (f *Fixer) traceField(x *pkgIndex, m *bearercheck.Migration, u *unit, fv *types.Var) {
	if u.fields[fv] {
		return
	}
	u.fields[fv] = true
	for t := range x.unkeyed {
		if st, ok := t.Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i) == fv {
					u.block("a literal of %s lists its fields without names", types.TypeString(t, types.RelativeTo(f.pass.Pkg)))
					return
				}
			}
		}
	}
	for _, id := range x.uses[fv] {
		switch p := x.parent[id].(type) {
		case *ast.KeyValueExpr:
			if p.Key == id {
				u.consumed[id] = true
				f.traceExpr(x, m, u, p.Value)
			}
		case *ast.SelectorExpr:
			as, ok := x.parent[p].(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, l := range as.Lhs {
				if l == p {
					u.consumed[id] = true
					f.traceExpr(x, m, u, as.Rhs[i])
				}
			}
		}
	}
}

// isTest reports whether n is in a _test.go file, where a constant token
// is test data, not a credential.
func (f *Fixer) isTest(n ast.Node) bool {
	tf := f.pass.Fset.File(n.Pos())
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// exportedFunc reports whether other packages can call fn: its signature
// changes through a wrapper, not in place.
func (f *Fixer) exportedFunc(fn *types.Func) bool {
	if !fn.Exported() || f.pass.Pkg.Name() == "main" {
		return false
	}
	if recv := fn.Signature().Recv(); recv != nil {
		n := namedRecv(recv.Type())
		return n != nil && n.Obj().Exported()
	}
	return true
}

// tokenParam reports whether parameter i of fn is where a bearer-only
// helper takes its token.
func (f *Fixer) tokenParam(fn *types.Func, i int) bool {
	s := f.res.Summaries[fn]
	return s != nil && s.Helper != nil && slices.Contains(s.Helper.Params, i)
}

// callOf returns the call whose function id names, or nil.
func (f *Fixer) callOf(x *pkgIndex, id *ast.Ident) *ast.CallExpr {
	var n ast.Node = id
	if sel, ok := x.parent[id].(*ast.SelectorExpr); ok && sel.Sel == id {
		n = sel
	}
	if ix, ok := x.parent[n].(*ast.IndexExpr); ok && ix.X == n { // F[T]
		n = ix
	}
	call, ok := x.parent[n].(*ast.CallExpr)
	if !ok || call.Fun != n {
		return nil
	}
	return call
}

// declared reports whether the name is taken where fn's variant would go.
func (f *Fixer) declared(fn *types.Func, name string) bool {
	if recv := fn.Signature().Recv(); recv != nil {
		obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, f.pass.Pkg, name)
		return obj != nil
	}
	return f.pass.Pkg.Scope().Lookup(name) != nil
}

func namedRecv(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// fileOf returns the file that holds n.
func (f *Fixer) fileOf(n ast.Node) *ast.File {
	for _, file := range f.pass.Files {
		if file.FileStart <= n.Pos() && n.Pos() < file.FileEnd {
			return file
		}
	}
	return nil
}

// medit is an edit of the migration, in some file of the package.
type medit struct {
	file     *fileInfo
	pos, end token.Pos
	text     string
}

// unitFix builds the fix of u, or blocks it.
func (f *Fixer) unitFix(x *pkgIndex, m *bearercheck.Migration, u *unit) {
	var small []medit
	add := func(n ast.Node, pos, end token.Pos, text string) bool {
		fi := f.file(f.fileOf(n))
		if fi == nil || f.generated(fi.file) {
			u.block("it would change a generated file")
			return false
		}
		small = append(small, medit{fi, pos, end, text})
		return true
	}
	q := &qualifier{f: f, files: map[*fileInfo]map[string]string{}}
	provider := func(fi *fileInfo, at token.Pos) string { return q.name(fi, m.ProviderRef, at) + m.ProviderRef.Name }
	adapterText := func(fi *fileInfo, at token.Pos, arg string) string {
		if m.AdapterFunc {
			return q.name(fi, m.AdapterRef, at) + m.AdapterRef.Name + "(" + arg + ")"
		}
		amp := ""
		if m.Ptr {
			amp = "&"
		}
		return amp + q.name(fi, m.AdapterRef, at) + m.AdapterRef.Name + "{" + m.Field + ": " + arg + "}"
	}
	// Entries, accessors.
	for _, e := range u.entries {
		fi := f.file(f.fileOf(e))
		if fi == nil {
			u.block("the file of an entry cannot be read")
			return
		}
		// The expression as gofmt prints it inside the adapter.
		text, ok := gofmtExpr(adapterText(fi, e.Pos(), string(fi.content[fi.tf.Offset(e.Pos()):fi.tf.Offset(e.End())])))
		if !ok {
			u.block("the token at %s cannot be wrapped", f.where(e))
			return
		}
		add(e, e.Pos(), e.End(), text)
	}
	for e, p := range u.access {
		add(e, p.End(), e.End(), "")
	}
	for e, fv := range u.pubFields {
		add(e, e.Sel.Pos(), e.Sel.End(), providerMethod(fv)+"()")
	}
	// Retyped parameters and fields: their declaring fields.
	retype := func(fld *ast.Field, vars map[*types.Var]bool) {
		fi := f.file(f.fileOf(fld))
		if fi == nil {
			u.block("a declaration cannot be read")
			return
		}
		var names []string
		all := true
		for _, n := range fld.Names {
			all = all && vars[f.pass.TypesInfo.Defs[n].(*types.Var)]
		}
		pt := provider(fi, fld.Pos())
		if all {
			add(fld, fld.Type.Pos(), fld.Type.End(), pt)
			return
		}
		old := string(fi.content[fi.tf.Offset(fld.Type.Pos()):fi.tf.Offset(fld.Type.End())])
		for _, n := range fld.Names {
			t := old
			if vars[f.pass.TypesInfo.Defs[n].(*types.Var)] {
				t = pt
			}
			names = append(names, n.Name+" "+t)
		}
		add(fld, fld.Pos(), fld.Type.End(), strings.Join(names, ", "))
	}
	seen := map[*ast.Field]bool{}
	for _, v := range sortedVars(u.params) {
		if fld := x.params[v].field; !seen[fld] {
			seen[fld] = true
			retype(fld, u.params)
		}
	}
	for _, v := range sortedVars(u.fields) {
		if fld := x.fields[v]; !seen[fld] {
			seen[fld] = true
			if fld.Tag != nil || fld.Doc != nil && len(fld.Names) > 1 {
				u.block("field %s has a tag", v.Name())
				return
			}
			retype(fld, u.fields)
		}
	}
	for _, v := range sortedVars(u.locals) {
		// var tok string = …: the declared type changes too.
		for _, id := range f.defsOf(v) {
			if vs, ok := x.parent[id].(*ast.ValueSpec); ok && vs.Type != nil {
				if len(vs.Names) > 1 {
					u.block("variable %s is declared with others", v.Name())
					return
				}
				fi := f.file(f.fileOf(vs))
				add(vs, vs.Type.Pos(), vs.Type.End(), provider(fi, vs.Pos()))
			}
		}
	}
	for _, id := range u.renames {
		add(id, id.Pos(), id.End(), id.Name+WithAuth)
	}
	for _, e := range u.nilCmp {
		add(e, e.Pos(), e.End(), "nil")
	}
	if u.blocked != "" {
		return
	}
	// Sinks and returns: the provider's header value.
	var big []medit
	for _, r := range u.roots {
		fi := f.file(r.File)
		if fi == nil {
			u.block("the file cannot be read")
			return
		}
		tok := r.Val.BearerToken()
		tokText, rest := render(fi, tok.Pos(), tok.End(), small)
		small = rest
		if _, ok := u.access[ast.Unparen(tok)]; !ok && slices.Contains(u.entries, ast.Unparen(tok)) && m.Ptr {
			tokText = "(" + tokText + ")"
		}
		call := tokText + "." + m.Method + "()"
		origin := r.Val.Origin
		stmt := f.sinkStmt(x, r)
		if stmt == nil {
			_, small = render(fi, origin.Pos(), origin.End(), small)
			big = append(big, medit{fi, origin.Pos(), origin.End(), call})
			continue
		}
		name := freshName(f.pass.Pkg.Scope().Innermost(stmt.Pos()), stmt)
		if name == "" {
			u.block("no fresh name for the header value")
			return
		}
		inner := append(small, medit{fi, origin.Pos(), origin.End(), name})
		text, rest := render(fi, stmt.Pos(), stmt.End(), inner)
		small = slices.DeleteFunc(rest, func(e medit) bool { return e.pos == origin.Pos() && e.text == name })
		ind := indentOf(fi, stmt.Pos())
		text = strings.ReplaceAll(text, "\n", "\n\t")
		big = append(big, medit{fi, stmt.Pos(), stmt.End(),
			"if " + name + " := " + call + "; " + name + " != \"\" {\n" + ind + "\t" + text + "\n" + ind + "}"})
	}
	// Exported fields: a provider field beside each.
	small, ok := f.pubFieldEdits(x, u, small, provider, adapterText)
	if !ok {
		return
	}
	edits := append(small, big...)
	// A migrated exported client type gets WithAuth: a shallow copy with
	// another provider (a call that must carry an agent task uses it).
	for _, v := range sortedVars(u.fields) {
		w, ok := f.withAuth(x, v, provider)
		if !ok {
			return
		}
		edits = append(edits, w...)
	}
	// Wrappers for exported functions.
	for _, fn := range sortedFuncs(u.exported) {
		w, ok := f.wrapper(x.decls[fn], fn, u, adapterText)
		if !ok {
			return
		}
		edits = append(edits, w...)
	}
	f.finish(u, m, q, edits)
}

// providerMethod names the method that gives the provider of exported
// field fv: Token -> tokenProvider.
func providerMethod(fv *types.Var) string {
	n := fv.Name()
	return strings.ToLower(n[:1]) + n[1:] + "Provider"
}

// pubFieldEdits returns the edits that give each exported field on u's
// path a provider field beside it (the old one deprecated) and a method
// that returns the provider field when set, else the adapter over the old
// one. The struct's declaration is rewritten whole, as gofmt prints it.
func (f *Fixer) pubFieldEdits(x *pkgIndex, u *unit, small []medit, provider func(*fileInfo, token.Pos) string, adapterText func(*fileInfo, token.Pos, string) string) ([]medit, bool) {
	var fields []*types.Var
	for _, fv := range u.pubFields {
		if !slices.Contains(fields, fv) {
			fields = append(fields, fv)
		}
	}
	slices.SortFunc(fields, func(a, b *types.Var) int { return int(a.Pos() - b.Pos()) })
	byDecl := map[*ast.GenDecl][]*types.Var{}
	var decls []*ast.GenDecl
	for _, fv := range fields {
		fld := x.fields[fv]
		st, _ := x.parent[fld].(*ast.FieldList)
		stt, _ := x.parent[st].(*ast.StructType)
		ts, _ := x.parent[stt].(*ast.TypeSpec)
		gd, _ := x.parent[ts].(*ast.GenDecl)
		if gd == nil || len(fld.Names) != 1 {
			u.block("field %s is not declared alone in a named struct type", fv.Name())
			return nil, false
		}
		tn, _ := f.pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
		var named *types.Named
		if tn != nil {
			named, _ = types.Unalias(tn.Type()).(*types.Named)
		}
		if named == nil || named.TypeParams() != nil || len(gd.Specs) != 1 {
			u.block("field %s belongs to a generic or grouped type", fv.Name())
			return nil, false
		}
		for _, name := range []string{fv.Name() + "Provider", providerMethod(fv)} {
			if f.declared2(named, name) {
				u.block("%s.%s already exists", tn.Name(), name)
				return nil, false
			}
		}
		if byDecl[gd] == nil {
			decls = append(decls, gd)
		}
		byDecl[gd] = append(byDecl[gd], fv)
	}
	for _, gd := range decls {
		fi := f.file(f.fileOf(gd))
		if fi == nil || f.generated(fi.file) {
			u.block("the type of field %s is generated or unreadable", byDecl[gd][0].Name())
			return nil, false
		}
		ts := gd.Specs[0].(*ast.TypeSpec)
		tname := ts.Name.Name
		inner := slices.Clone(small)
		var methods strings.Builder
		for _, fv := range byDecl[gd] {
			fld := x.fields[fv]
			name, pf := fv.Name(), fv.Name()+"Provider"
			dep := "// Deprecated: set " + pf + ".\n"
			if fld.Doc != nil {
				dep = "//\n" + dep
				inner = append(inner, medit{fi, fld.Doc.End(), fld.Doc.End(), "\n" + strings.TrimSuffix(dep, "\n")})
			} else {
				inner = append(inner, medit{fi, fld.Pos(), fld.Pos(), dep})
			}
			end := fld.End()
			if fld.Comment != nil {
				end = fld.Comment.End()
			}
			inner = append(inner, medit{fi, end, end, fmt.Sprintf("\n\n// %s, when set, is sent instead of %s.\n%s %s\n", pf, name, pf, provider(fi, gd.Pos()))})
			recv := strings.ToLower(tname[:1])
			fmt.Fprintf(&methods, "\n\n// %s returns %s when it is set, else %s as a provider.\nfunc (%s %s) %s() %s {\n\tif %s.%s != nil {\n\t\treturn %s.%s\n\t}\n\treturn %s\n}",
				providerMethod(fv), pf, name, recv, tname, providerMethod(fv), provider(fi, gd.Pos()), recv, pf, recv, pf, adapterText(fi, gd.Pos(), recv+"."+name))
		}
		text, _ := render(fi, gd.Pos(), gd.End(), inner)
		_, small = render(fi, gd.Pos(), gd.End(), small)
		formatted, err := format.Source([]byte("package p\n\n" + text))
		if err != nil {
			u.block("the type of field %s cannot be rewritten", byDecl[gd][0].Name())
			return nil, false
		}
		text = strings.TrimSuffix(strings.TrimPrefix(string(formatted), "package p\n\n"), "\n")
		small = append(small, medit{fi, gd.Pos(), gd.End(), text + methods.String()})
	}
	return small, true
}

// withAuth returns the edit that adds WithAuth to the exported struct type
// whose field v migrates, when it has a single provider field and no
// WithAuth yet.
func (f *Fixer) withAuth(x *pkgIndex, v *types.Var, provider func(*fileInfo, token.Pos) string) ([]medit, bool) {
	var named *types.Named
	var spec *ast.TypeSpec
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				tn, _ := f.pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
				if tn == nil {
					continue
				}
				if st, ok := tn.Type().Underlying().(*types.Struct); ok {
					for i := 0; i < st.NumFields(); i++ {
						if st.Field(i) == v {
							named, _ = types.Unalias(tn.Type()).(*types.Named)
							spec = ts
						}
					}
				}
			}
		}
	}
	if named == nil || !named.Obj().Exported() || named.TypeParams() != nil || f.declared2(named, bearercheck.WithAuth) {
		return nil, true
	}
	fi := f.file(f.fileOf(spec))
	if fi == nil || f.generated(fi.file) {
		return nil, true
	}
	gd, ok := x.parent[spec].(*ast.GenDecl)
	if !ok {
		return nil, true
	}
	recv := "c"
	for i := 0; i < named.NumMethods(); i++ {
		if r := named.Method(i).Signature().Recv(); r != nil && r.Name() != "" && r.Name() != "_" {
			recv = r.Name()
			break
		}
	}
	p, cp := "p", "cp"
	if recv == p || recv == cp {
		p, cp = "provider", "clone"
	}
	t := named.Obj().Name()
	text := fmt.Sprintf("\n\n// %s returns a shallow copy of %s that authenticates with %s.\nfunc (%s *%s) %s(%s %s) *%s {\n\t%s := *%s\n\t%s.%s = %s\n\treturn &%s\n}",
		bearercheck.WithAuth, recv, p, recv, t, bearercheck.WithAuth, p, provider(fi, gd.End()), t, cp, recv, cp, v.Name(), p, cp)
	return []medit{{fi, gd.End(), gd.End(), text}}, true
}

// declared2 reports whether t or *t has a field or method name.
func (f *Fixer) declared2(t *types.Named, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, f.pass.Pkg, name)
	return obj != nil
}

// finish adds and removes imports, checks each file parses and is
// gofmt-clean, and makes the fix.
func (f *Fixer) finish(u *unit, m *bearercheck.Migration, q *qualifier, edits []medit) {
	byFile := map[*fileInfo][]medit{}
	var files []*fileInfo
	for _, e := range edits {
		if byFile[e.file] == nil {
			files = append(files, e.file)
		}
		byFile[e.file] = append(byFile[e.file], e)
	}
	slices.SortFunc(files, func(a, b *fileInfo) int { return a.tf.Base() - b.tf.Base() })
	fix := &analysis.SuggestedFix{Message: u.message(f, m)}
	for _, fi := range files {
		es := byFile[fi]
		// Imports this unit leaves unused.
		var unused []*ast.ImportSpec
		for _, spec := range fi.file.Imports {
			uses := f.index(fi).uses[spec]
			pn := importName(f.pass.TypesInfo, spec)
			if len(uses) == 0 || pn == nil || spec.Name != nil && (spec.Name.Name == "_" || spec.Name.Name == ".") {
				continue
			}
			gone := true
			for _, pos := range uses {
				gone = gone && slices.ContainsFunc(es, func(e medit) bool { return e.pos <= pos && pos < e.end })
			}
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(pn.Name()) + `\.`)
			for _, e := range es {
				gone = gone && !re.MatchString(e.text)
			}
			if gone {
				unused = append(unused, spec)
			}
		}
		if len(unused) > 0 {
			del, ok := f.deleteImports(fi, unused)
			if !ok {
				u.block("an import it leaves unused cannot be removed cleanly")
				return
			}
			for _, d := range del {
				es = append(es, medit{fi, d.pos, d.end, d.text})
			}
		}
		for _, path := range q.added(fi) {
			add, ok := addImport(fi, path)
			if !ok {
				u.block("an import cannot be added to %s", fi.tf.Name())
				return
			}
			es = append(es, add)
		}
		if q.failed != "" {
			u.block("%s", q.failed)
			return
		}
		sort.SliceStable(es, func(i, j int) bool { return es[i].pos < es[j].pos })
		for i := 1; i < len(es); i++ {
			if es[i].pos < es[i-1].end {
				u.block("internal: overlapping edits in %s", f.where(fi.file))
				return
			}
		}
		out := applyEdits(fi, es)
		if _, err := parser.ParseFile(token.NewFileSet(), "", out, parser.ParseComments); err != nil {
			u.block("internal: the fixed file does not parse: %v", err)
			return
		}
		if formatted, err := format.Source(out); err != nil || !bytes.Equal(formatted, out) {
			u.block("internal: the fixed %s is not gofmt-clean", f.where(fi.file))
			return
		}
		for _, e := range es {
			fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: e.pos, End: e.end, NewText: []byte(e.text)})
		}
	}
	u.fix = fix
}

// gofmtExpr returns expression text as gofmt prints it; false when it
// does not parse or holds a comment (the printer would move it).
func gofmtExpr(text string) (string, bool) {
	if strings.Contains(text, "//") || strings.Contains(text, "/*") {
		return "", false
	}
	e, err := parser.ParseExpr(text)
	if err != nil {
		return "", false
	}
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), e); err != nil {
		return "", false
	}
	return b.String(), true
}

// applyEdits returns the content of fi with the sorted edits applied.
func applyEdits(fi *fileInfo, es []medit) []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range es {
		b.Write(fi.content[last:fi.tf.Offset(e.pos)])
		b.WriteString(e.text)
		last = fi.tf.Offset(e.end)
	}
	b.Write(fi.content[last:])
	return b.Bytes()
}

// render returns the text of [pos, end) of fi with the edits inside it
// applied, and the edits left.
func render(fi *fileInfo, pos, end token.Pos, edits []medit) (string, []medit) {
	var in, rest []medit
	for _, e := range edits {
		if e.file == fi && pos <= e.pos && e.end <= end {
			in = append(in, e)
		} else {
			rest = append(rest, e)
		}
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].pos < in[j].pos })
	var b strings.Builder
	last := pos
	for _, e := range in {
		if e.pos < last {
			continue
		}
		b.Write(fi.content[fi.tf.Offset(last):fi.tf.Offset(e.pos)])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(fi.content[fi.tf.Offset(last):fi.tf.Offset(end)])
	return b.String(), rest
}

// indentOf returns the white space that begins the line of pos.
func indentOf(fi *fileInfo, pos token.Pos) string {
	line := fi.content[fi.tf.Offset(fi.tf.LineStart(fi.tf.Line(pos))):fi.tf.Offset(pos)]
	return string(line[:len(line)-len(bytes.TrimLeft(line, " \t"))])
}

// sinkStmt returns the statement of a site that can be guarded: the sink
// is an expression statement or an assignment in a block, and the bearer
// value is built inside it.
func (f *Fixer) sinkStmt(x *pkgIndex, r *bearercheck.Site) ast.Stmt {
	if r.Node == nil || !within(r.Val.Origin, r.Node) {
		return nil
	}
	var stmt ast.Stmt
	switch n := r.Node.(type) {
	case *ast.CallExpr:
		es, ok := x.parent[n].(*ast.ExprStmt)
		if !ok {
			return nil
		}
		stmt = es
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN {
			return nil
		}
		stmt = n
	default:
		return nil
	}
	switch x.parent[stmt].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return stmt
	}
	return nil
}

// defsOf returns the identifiers that define v.
func (f *Fixer) defsOf(v *types.Var) []*ast.Ident {
	file := f.fileOf(&ast.Ident{NamePos: v.Pos()})
	if file == nil {
		return nil
	}
	fi := f.file(file)
	if fi == nil {
		return nil
	}
	r := f.index(fi).vars[v]
	if r == nil {
		return nil
	}
	var out []*ast.Ident
	for _, d := range r.defs {
		out = append(out, d.id)
	}
	return out
}

func sortedFuncs(m map[*types.Func]bool) []*types.Func {
	out := make([]*types.Func, 0, len(m))
	for fn := range m {
		out = append(out, fn)
	}
	slices.SortFunc(out, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	return out
}

// wrapper returns the edits that rename decl to its WithAuth variant and
// put the old form before it, as a deprecated wrapper marked for inlining.
func (f *Fixer) wrapper(decl *ast.FuncDecl, fn *types.Func, u *unit, adapterText func(*fileInfo, token.Pos, string) string) ([]medit, bool) {
	fi := f.file(f.fileOf(decl))
	if fi == nil {
		u.block("the declaration of %s cannot be read", fn.Name())
		return nil, false
	}
	src := func(n ast.Node) string { return string(fi.content[fi.tf.Offset(n.Pos()):fi.tf.Offset(n.End())]) }
	newName := fn.Name() + WithAuth
	var args []string
	for _, fld := range decl.Type.Params.List {
		if len(fld.Names) == 0 {
			u.block("%s has unnamed parameters", fn.Name())
			return nil, false
		}
		for _, n := range fld.Names {
			if n.Name == "_" {
				u.block("%s has a blank parameter", fn.Name())
				return nil, false
			}
			arg := n.Name
			if u.params[f.pass.TypesInfo.Defs[n].(*types.Var)] {
				arg = adapterText(fi, decl.Pos(), n.Name)
			}
			if _, ok := fld.Type.(*ast.Ellipsis); ok {
				arg += "..."
			}
			args = append(args, arg)
		}
	}
	callee := newName
	head := "func "
	if decl.Recv != nil {
		r := decl.Recv.List[0]
		if len(r.Names) == 0 || r.Names[0].Name == "_" {
			u.block("the receiver of %s has no name", fn.Name())
			return nil, false
		}
		head += "(" + src(r) + ") "
		callee = r.Names[0].Name + "." + newName
	}
	sig := string(fi.content[fi.tf.Offset(decl.Type.Params.Pos()):fi.tf.Offset(decl.Type.End())])
	call := callee + "(" + strings.Join(args, ", ") + ")"
	body := call
	if decl.Type.Results != nil && len(decl.Type.Results.List) > 0 {
		body = "return " + call
	}
	var b strings.Builder
	if decl.Doc != nil {
		b.WriteString("//\n")
	}
	fmt.Fprintf(&b, "// Deprecated: use %s, which takes the credential as an AuthProvider.\n//\n//go:fix inline\n", newName)
	fmt.Fprintf(&b, "%s%s%s {\n\t%s\n}\n\n", head, fn.Name(), sig, body)
	fmt.Fprintf(&b, "// %s is %s with the credential of an AuthProvider.\n", newName, fn.Name())
	return []medit{
		{fi, decl.Pos(), decl.Pos(), b.String()},
		{fi, decl.Name.Pos(), decl.Name.End(), newName},
	}, true
}

// message says what the fix does: "migrate newRequest: field token,
// parameter tok of send → provider; 3 calls; wrapper for New".
func (u *unit) message(f *Fixer, m *bearercheck.Migration) string {
	var names []string
	for _, r := range u.roots {
		if r.FuncObj != nil && !slices.Contains(names, r.FuncObj.Name()) {
			names = append(names, r.FuncObj.Name())
		}
	}
	var path []string
	for _, v := range sortedVars(u.fields) {
		path = append(path, "field "+v.Name())
	}
	for _, v := range sortedVars(u.params) {
		p := "parameter " + v.Name()
		if fn := f.paramFunc(v); fn != nil && !slices.Contains(names, fn.Name()) {
			p += " of " + fn.Name()
		}
		path = append(path, p)
	}
	for _, v := range sortedVars(u.locals) {
		path = append(path, "variable "+v.Name())
	}
	msg := "migrate " + strings.Join(names, ", ") + " to " + m.ProviderRef.Name
	if len(path) > 0 {
		msg += ": " + strings.Join(path, ", ") + " → provider"
	}
	if u.calls > 0 {
		msg += fmt.Sprintf(", %d call", u.calls)
		if u.calls > 1 {
			msg += "s"
		}
	}
	if n := len(u.entries); n > 0 {
		msg += fmt.Sprintf(", %d raw token", n)
		if n > 1 {
			msg += "s"
		}
		msg += " wrapped"
	}
	for _, fn := range sortedFuncs(u.exported) {
		msg += ", wrapper for " + fn.Name()
	}
	for _, fv := range sortedVars(u.stop) {
		msg += " (" + strings.Replace(u.kept[fv], ", where it must stay a string", ": it stays a string, read through the adapter", 1) + ")"
	}
	return msg
}

// paramFunc returns the function whose parameter v is, or nil.
func (f *Fixer) paramFunc(v *types.Var) *types.Func {
	for _, file := range f.pass.Files {
		if file.FileStart <= v.Pos() && v.Pos() < file.FileEnd {
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Type.Params.Pos() <= v.Pos() && v.Pos() < fd.Type.Params.End() {
					fn, _ := f.pass.TypesInfo.Defs[fd.Name].(*types.Func)
					return fn
				}
			}
		}
	}
	return nil
}

// qualifier gives the name a file refers to a package by, adding the
// import when the file has none.
type qualifier struct {
	f      *Fixer
	files  map[*fileInfo]map[string]string // path -> name ("" for the package itself)
	adds   map[*fileInfo][]string
	failed string
}

func (q *qualifier) name(fi *fileInfo, ref bearercheck.Ref, at token.Pos) string {
	if ref.Path == q.f.pass.Pkg.Path() {
		return ""
	}
	m := q.files[fi]
	if m == nil {
		m = map[string]string{}
		q.files[fi] = m
	}
	name, ok := m[ref.Path]
	if !ok {
		found := false
		for _, spec := range fi.file.Imports {
			pn := importName(q.f.pass.TypesInfo, spec)
			if pn != nil && pn.Imported().Path() == ref.Path && pn.Name() != "_" {
				name, found = pn.Name(), true
				break
			}
		}
		if !found {
			// A package not imported by this one is known by its path
			// only: its last element names it, explicitly.
			spec := strconvQuote(ref.Path)
			name = ref.PkgName
			if name == "" {
				name = importPathName(ref.Path)
				spec = name + " " + spec
			}
			if name == "" {
				q.failed = "no name for the import of " + ref.Path
			}
			if q.adds == nil {
				q.adds = map[*fileInfo][]string{}
			}
			q.adds[fi] = append(q.adds[fi], spec)
			for _, s := range fi.file.Imports {
				if pn := importName(q.f.pass.TypesInfo, s); pn != nil && pn.Name() == name {
					q.failed = "the name " + name + " is taken by another import in " + fi.tf.Name()
				}
			}
		}
		m[ref.Path] = name
	}
	if name == "." {
		return ""
	}
	if scope := q.f.pass.Pkg.Scope().Innermost(at); scope != nil {
		if _, obj := scope.LookupParent(name, at); obj != nil {
			if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != ref.Path {
				q.failed = "the name " + name + " is taken at " + q.f.where(&ast.Ident{NamePos: at})
			}
		}
	}
	return name + "."
}

// importPathName returns the identifier an import path's last element
// gives (the major version suffix skipped), or "".
func importPathName(path string) string {
	parts := strings.Split(path, "/")
	last := parts[len(parts)-1]
	if len(parts) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = parts[len(parts)-2]
	}
	last = strings.TrimPrefix(strings.TrimPrefix(last, "go-"), "go.")
	last = strings.Map(func(r rune) rune {
		if r == '-' || r == '.' {
			return -1
		}
		return r
	}, last)
	if !token.IsIdentifier(last) {
		return ""
	}
	return last
}

func strconvQuote(s string) string { return `"` + s + `"` }

func (q *qualifier) added(fi *fileInfo) []string { return q.adds[fi] }

// addImport returns the edit that imports path in fi: into the last
// group of the import declaration, or as a new declaration.
func addImport(fi *fileInfo, spec string) (medit, bool) {
	quoted := spec
	path := spec[strings.Index(spec, `"`)+1 : len(spec)-1]
	var decl *ast.GenDecl
	for _, d := range fi.file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			decl = gd
		}
	}
	if decl == nil {
		return medit{fi, fi.file.Name.End(), fi.file.Name.End(), "\n\nimport " + quoted}, true
	}
	if !decl.Lparen.IsValid() {
		spec := decl.Specs[0].(*ast.ImportSpec)
		old := string(fi.content[fi.tf.Offset(spec.Pos()):fi.tf.Offset(spec.End())])
		return medit{fi, spec.Pos(), spec.End(), "(\n\t" + old + "\n\n\t" + quoted + "\n)"}, true
	}
	// The last group: after its last spec, unless the path sorts earlier
	// among its specs (gofmt sorts each group).
	last := decl.Specs[len(decl.Specs)-1].(*ast.ImportSpec)
	std := !strings.Contains(strings.SplitN(path, "/", 2)[0], ".")
	lastStd := !strings.Contains(strings.SplitN(strings.Trim(last.Path.Value, `"`), "/", 2)[0], ".")
	if std != lastStd && !std {
		return medit{fi, last.End(), last.End(), "\n\n\t" + quoted}, true
	}
	// Insert before the first spec of the last group that sorts after it.
	first := len(decl.Specs) - 1
	for first > 0 && fi.tf.Line(decl.Specs[first-1].End())+1 == fi.tf.Line(decl.Specs[first].Pos()) {
		first--
	}
	for _, s := range decl.Specs[first:] {
		is := s.(*ast.ImportSpec)
		if strings.Trim(is.Path.Value, `"`) > path {
			start := is.Pos()
			if is.Doc != nil {
				start = is.Doc.Pos()
			}
			return medit{fi, start, start, quoted + "\n\t"}, true
		}
	}
	end := last.End()
	if last.Comment != nil {
		end = last.Comment.End()
	}
	return medit{fi, end, end, "\n\t" + quoted}, true
}
