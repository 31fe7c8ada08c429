package fixes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// The task fix (SPEC §3.5): a call in migrated code that ignores an
// available agent task passes the task's provider when the task is
// present, and the credential it passed before otherwise. The callee is
// already migrated (bearercheck.Reroute): it has a provider-taking
// variant FWithAuth, or its receiver's type has WithAuth(p) *T, which
// returns a shallow copy of the client with another provider.
//
//	client := s.client
//	if s.agentTask != nil {
//		client = client.WithAuth(s.agentTask)
//	}
//	return client.GetUsage(ctx)
//
//	var provider auth.Provider = &auth.StaticProvider{Token: tok}
//	if s.agentTask != nil {
//		provider = s.agentTask
//	}
//	return stream.ConnectWithAuth(ctx, s.baseURL, provider)
//
// The task is tested for nil before it is converted to the provider
// interface (a nil *Task in an interface is not a nil interface), so a
// missing task changes nothing. A task yields its provider by being one
// (it has the provider method) or through a method with no parameters
// that returns one (task.AuthProvider()).

// ForTaskCall returns the fix of a call that ignores an agent task: none,
// or exactly one.
func (f *Fixer) ForTaskCall(c *bearercheck.TaskCall) []analysis.SuggestedFix {
	if fix := f.taskFix(c); fix != nil {
		return []analysis.SuggestedFix{*fix}
	}
	return nil
}

func (f *Fixer) taskFix(c *bearercheck.TaskCall) *analysis.SuggestedFix {
	r := c.Reroute
	if r == nil || c.Generated || c.Task == nil {
		return nil
	}
	file := f.fileAt(c.Call.Pos())
	if file == nil || f.generated(file) {
		return nil
	}
	fi := f.file(file)
	if fi == nil {
		return nil
	}
	stmt := hoistPoint(file, c.Call)
	if stmt == nil {
		return nil
	}
	t := &taskEdit{f: f, fi: fi, stmt: stmt, indent: lineIndent(fi, stmt.Pos())}
	switch {
	case r.WithAuth != nil:
		return t.viaWithAuth(c)
	case r.Provider:
		return t.viaProvider(c)
	}
	return t.viaVariant(c)
}

// viaProvider makes a migrated sink's provider the task's when the task
// is present.
func (t *taskEdit) viaProvider(c *bearercheck.TaskCall) *analysis.SuggestedFix {
	sel, ok := ast.Unparen(c.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	typ := t.f.pass.TypesInfo.TypeOf(sel.X)
	if !types.IsInterface(typ) {
		return nil
	}
	prov, cond := t.f.taskProvider(c.Task, typ)
	if prov == "" {
		return nil
	}
	if cond == "" {
		t.replace(sel.X, prov)
	} else {
		name := t.fresh("provider")
		if name == "" {
			return nil
		}
		t.insert(fmt.Sprintf("%s := %s\n%sif %s {\n%s\t%s = %s\n%s}\n%s",
			name, t.text(sel.X), t.indent, cond, t.indent, name, prov, t.indent, t.indent))
		t.replace(sel.X, name)
	}
	return t.fix(fmt.Sprintf("Use %s when %s, %s otherwise", prov, orAlways(cond), t.text(sel.X)))
}

// taskEdit builds the edits of one task fix.
type taskEdit struct {
	f      *Fixer
	fi     *fileInfo
	stmt   ast.Stmt
	indent string
	edits  []analysis.TextEdit
	imps   []string // import paths to add
}

func (t *taskEdit) viaWithAuth(c *bearercheck.TaskCall) *analysis.SuggestedFix {
	info := t.f.pass.TypesInfo
	sel, ok := ast.Unparen(c.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	ms := c.Reroute.WithAuth.Signature()
	if !types.Identical(info.TypeOf(sel.X), ms.Results().At(0).Type()) {
		return nil // a value receiver; WithAuth returns a pointer
	}
	prov, cond := t.f.taskProvider(c.Task, ms.Params().At(0).Type())
	if prov == "" {
		return nil
	}
	recv := t.text(sel.X)
	if cond == "" {
		t.replace(sel.X, recv+"."+bearercheck.WithAuth+"("+prov+")")
	} else {
		name := t.fresh(lastName(sel.X, "client"))
		if name == "" {
			return nil
		}
		t.insert(fmt.Sprintf("%s := %s\n%sif %s {\n%s\t%s = %s.%s(%s)\n%s}\n%s",
			name, recv, t.indent, cond, t.indent, name, name, bearercheck.WithAuth, prov, t.indent, t.indent))
		t.replace(sel.X, name)
	}
	return t.fix(fmt.Sprintf("Call %s through %s(%s) when %s, as before otherwise",
		c.Callee.Name(), bearercheck.WithAuth, prov, orAlways(cond)))
}

func (t *taskEdit) viaVariant(c *bearercheck.TaskCall) *analysis.SuggestedFix {
	r := c.Reroute
	if len(r.Params) != 1 || r.Params[0] >= len(c.Call.Args) || c.Call.Ellipsis.IsValid() && r.Params[0] == len(c.Call.Args)-1 {
		return nil
	}
	arg := c.Call.Args[r.Params[0]]
	ptype := r.Variant.Signature().Params().At(r.Params[0]).Type()
	prov, cond := t.f.taskProvider(c.Task, ptype)
	if prov == "" {
		return nil
	}
	var fun *ast.Ident
	switch e := ast.Unparen(c.Call.Fun).(type) {
	case *ast.Ident:
		fun = e
	case *ast.SelectorExpr:
		fun = e.Sel
	default:
		return nil
	}
	t.replace(fun, r.Variant.Name())
	if cond == "" {
		t.replace(arg, prov)
	} else {
		prev := t.adapt(t.text(arg))
		typ := t.typeText(ptype)
		name := t.fresh("provider")
		if prev == "" || typ == "" || name == "" {
			return nil
		}
		t.insert(fmt.Sprintf("var %s %s = %s\n%sif %s {\n%s\t%s = %s\n%s}\n%s",
			name, typ, prev, t.indent, cond, t.indent, name, prov, t.indent, t.indent))
		t.replace(arg, name)
	}
	return t.fix(fmt.Sprintf("Call %s with %s when %s, the previous credential otherwise",
		r.Variant.Name(), prov, orAlways(cond)))
}

func orAlways(cond string) string {
	if cond == "" {
		return "always"
	}
	return cond
}

// taskProvider returns the expression of task's provider, assignable to
// want, and the condition under which the task is present ("" when it
// always is); "" when the task yields no such provider.
func (f *Fixer) taskProvider(task *bearercheck.Avail, want types.Type) (expr, cond string) {
	v := task.Var
	if task.Field != nil {
		v = task.Field
	}
	tt := v.Type()
	switch tt.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice, *types.Signature, *types.Chan:
		cond = task.Expr + " != nil"
	}
	if types.AssignableTo(tt, want) {
		return task.Expr, cond
	}
	if _, ok := tt.Underlying().(*types.Struct); ok && types.AssignableTo(types.NewPointer(tt), want) {
		return "&" + task.Expr, cond // a variable, or a field of one: addressable
	}
	// A method with no parameters that returns a provider; exactly one.
	ms := types.NewMethodSet(tt)
	var found []string
	for i := range ms.Len() {
		m, ok := ms.At(i).Obj().(*types.Func)
		if !ok || !m.Exported() {
			continue
		}
		sig := m.Signature()
		if sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.AssignableTo(sig.Results().At(0).Type(), want) {
			found = append(found, m.Name())
		}
	}
	if len(found) != 1 {
		return "", ""
	}
	return task.Expr + "." + found[0] + "()", cond
}

// hoistPoint returns the statement before which the receiver or the
// provider of call can be evaluated: a statement of a block that
// evaluates the call once, unconditionally (not in a function literal,
// the right operand of && or ||, a loop header, a defer or go).
func hoistPoint(file *ast.File, call *ast.CallExpr) ast.Stmt {
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	for i, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit:
			return nil
		case *ast.BinaryExpr:
			if (n.Op == token.LAND || n.Op == token.LOR) && i > 0 && path[i-1] == n.Y {
				return nil
			}
		case *ast.ExprStmt, *ast.ReturnStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.IfStmt:
			switch p := path[i+1].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				return n.(ast.Stmt)
			case *ast.IfStmt:
				if p.Init == n {
					continue // if authz := p.M(); …: before the if
				}
			}
			return nil
		case ast.Stmt:
			return nil
		}
	}
	return nil
}

// fileAt returns the file of the package that holds pos.
func (f *Fixer) fileAt(pos token.Pos) *ast.File {
	for _, file := range f.pass.Files {
		if file.FileStart <= pos && pos < file.FileEnd {
			return file
		}
	}
	return nil
}

// lineIndent returns the white space that begins pos's line.
func lineIndent(fi *fileInfo, pos token.Pos) string {
	start := fi.tf.Offset(fi.tf.LineStart(fi.tf.Line(pos)))
	line := fi.content[start:fi.tf.Offset(pos)]
	return string(line[:len(line)-len(strings.TrimLeft(string(line), " \t"))])
}

// lastName is the name the last identifier of e gives a local, or def.
func lastName(e ast.Expr, def string) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return def
}

func (t *taskEdit) text(e ast.Node) string {
	return string(t.fi.content[t.fi.tf.Offset(e.Pos()):t.fi.tf.Offset(e.End())])
}

func (t *taskEdit) replace(n ast.Node, text string) {
	t.edits = append(t.edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)})
}

func (t *taskEdit) insert(text string) {
	t.edits = append(t.edits, analysis.TextEdit{Pos: t.stmt.Pos(), End: t.stmt.Pos(), NewText: []byte(text)})
}

// fresh returns base, base2, …: a name that is neither visible at the
// statement, nor declared later in its scope, nor used in it.
func (t *taskEdit) fresh(base string) string {
	scope := t.f.pass.Pkg.Scope().Innermost(t.stmt.Pos())
	if scope == nil {
		return ""
	}
	info := t.f.pass.TypesInfo
	used := map[string]bool{} // the names the statement refers to (fields and methods aside)
	ast.Inspect(t.stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			switch obj := info.ObjectOf(id).(type) {
			case *types.Var:
				used[id.Name] = used[id.Name] || !obj.IsField()
			case *types.Func:
				used[id.Name] = used[id.Name] || obj.Signature().Recv() == nil
			default:
				used[id.Name] = true
			}
		}
		return true
	})
	for i := 1; i < 100; i++ {
		name := base
		if i > 1 {
			name += strconv.Itoa(i)
		}
		if _, obj := scope.LookupParent(name, t.stmt.Pos()); obj == nil && scope.Lookup(name) == nil && !used[name] && token.IsIdentifier(name) {
			return name
		}
	}
	return ""
}

// adapt returns the token adapter applied to the raw token text tok, or
// "" when the package knows no adapter.
func (t *taskEdit) adapt(tok string) string {
	m := t.f.res.Migration()
	if m == nil || m.Adapter == nil {
		return ""
	}
	ad := m.Adapter
	if ad.Func != nil {
		return t.qualify(ad.Func.Pkg()) + ad.Func.Name() + "(" + tok + ")"
	}
	lit := t.qualify(ad.Type.Pkg()) + ad.Type.Name() + "{" + ad.Field.Name() + ": " + tok + "}"
	if ad.Ptr {
		lit = "&" + lit
	}
	return lit
}

// typeText writes typ as the file refers to it.
func (t *taskEdit) typeText(typ types.Type) string {
	return types.TypeString(typ, func(p *types.Package) string {
		return strings.TrimSuffix(t.qualify(p), ".")
	})
}

// qualify returns "name." for a package the file imports, adding the
// import when it does not; "" for the package itself.
func (t *taskEdit) qualify(p *types.Package) string {
	if p == t.f.pass.Pkg {
		return ""
	}
	for _, spec := range t.fi.file.Imports {
		if pn := importName(t.f.pass.TypesInfo, spec); pn != nil && pn.Imported() == p && pn.Name() != "_" && pn.Name() != "." {
			return pn.Name() + "."
		}
	}
	if !slices.Contains(t.imps, p.Path()) {
		t.imps = append(t.imps, p.Path())
	}
	return p.Name() + "."
}

// fix returns the fix of the edits, with the imports they need, or nil
// when an import cannot be added under its name.
func (t *taskEdit) fix(msg string) *analysis.SuggestedFix {
	for _, path := range t.imps {
		name := path[strings.LastIndex(path, "/")+1:]
		for _, spec := range t.fi.file.Imports {
			if pn := importName(t.f.pass.TypesInfo, spec); pn != nil && pn.Name() == name {
				return nil // the name is taken by another import
			}
		}
		e, ok := importEdit(t.fi, path)
		if !ok {
			return nil
		}
		t.edits = append(t.edits, e)
	}
	return &analysis.SuggestedFix{Message: msg, TextEdits: t.edits}
}

// importEdit returns the edit that adds the import of path to the file, in
// sorted position in the group of non-standard imports (gofmt sorts each
// group), or as a group or declaration of its own.
func importEdit(fi *fileInfo, path string) (analysis.TextEdit, bool) {
	quoted := strconv.Quote(path)
	var decl *ast.GenDecl
	for _, d := range fi.file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			decl = gd
		}
	}
	if decl == nil {
		end := fi.file.Name.End()
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\nimport " + quoted)}, true
	}
	if !decl.Lparen.IsValid() {
		spec := decl.Specs[0]
		old := string(fi.content[fi.tf.Offset(spec.Pos()):fi.tf.Offset(spec.End())])
		return analysis.TextEdit{Pos: spec.Pos(), End: spec.End(), NewText: []byte("(\n\t" + old + "\n\n\t" + quoted + "\n)")}, true
	}
	std := func(p string) bool { return !strings.Contains(strings.SplitN(p, "/", 2)[0], ".") }
	// The last group of non-standard imports, by blank lines.
	var group []*ast.ImportSpec
	var prev *ast.ImportSpec
	for _, s := range decl.Specs {
		spec := s.(*ast.ImportSpec)
		if prev != nil && fi.tf.Line(spec.Pos()) > fi.tf.Line(prev.End())+1 {
			group = nil
		}
		group = append(group, spec)
		prev = spec
	}
	p, _ := strconv.Unquote(group[0].Path.Value)
	if std(p) {
		return analysis.TextEdit{Pos: prev.End(), End: prev.End(), NewText: []byte("\n\n\t" + quoted)}, true
	}
	for _, spec := range group {
		if sp, _ := strconv.Unquote(spec.Path.Value); sp > path {
			return analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(quoted + "\n\t")}, true
		}
	}
	last := group[len(group)-1]
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + quoted)}, true
}
