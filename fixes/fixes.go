// Package fixes builds the suggested fixes of bearercheck (SPEC §3) from
// go/types information: it replaces a bearer value whose token comes from
// an AuthProvider with the provider's header value, rewrites a
// token-guarded sink into a header-value guard, and removes the imports a
// fix leaves unused.
//
// A fix is offered only where it keeps the request's meaning; everywhere
// else For returns nil. Every fix is a single self-contained change: it
// compiles when applied alone, does not overlap any other fix offered by
// the same Fixer, and is gofmt-clean.
package fixes

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A Fixer builds the fixes of one package's sites. It remembers the
// ranges its fixes edit, so that no two of its fixes overlap: call For for
// each site, in the order the diagnostics are reported.
type Fixer struct {
	pass    *analysis.Pass
	res     *bearercheck.Result
	claimed []span
	files   map[*ast.File]*fileInfo
}

// New returns a Fixer for the package of pass, whose detection result is res.
func New(pass *analysis.Pass, res *bearercheck.Result) *Fixer {
	return &Fixer{pass: pass, res: res, files: map[*ast.File]*fileInfo{}}
}

// For returns the suggested fix of site s: none, or exactly one.
func (f *Fixer) For(s *bearercheck.Site) []analysis.SuggestedFix {
	ch := f.build(s)
	if ch == nil {
		return nil
	}
	fi := f.file(s.File)
	if fi == nil {
		return nil
	}
	imports, ok := f.unusedImports(fi, ch)
	if !ok {
		return nil
	}
	edits := ch.edits
	if len(imports) > 0 {
		del, ok := f.deleteImports(fi, imports)
		if !ok {
			return nil // leaving an unused import would not compile
		}
		edits = append(edits, del...)
	}
	edits = normalize(edits)
	if f.nearSecret(edits) {
		return nil
	}
	for _, e := range edits {
		for _, c := range f.claimed {
			if e.pos < c.end && c.pos < e.end || e.pos == c.pos {
				return nil
			}
		}
	}
	fix := analysis.SuggestedFix{Message: ch.message}
	for _, e := range edits {
		f.claimed = append(f.claimed, span{e.pos, e.end})
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: e.pos, End: e.end, NewText: []byte(e.text)})
	}
	return []analysis.SuggestedFix{fix}
}

// diffContext is the number of unchanged lines a unified diff shows
// around an edit (-diff).
const diffContext = 3

// nearSecret reports whether an edit lies within diffContext lines of a
// hard-coded credential: the credential would then be printed as context
// by -diff, and secrets never appear in any output. Such a site gets no fix.
func (f *Fixer) nearSecret(edits []edit) bool {
	fset := f.pass.Fset
	for _, s := range f.res.Credentials {
		from, to := fset.Position(s.Value.Pos()), fset.Position(s.Value.End())
		for _, e := range edits {
			start, end := fset.Position(e.pos), fset.Position(e.end)
			if start.Filename == from.Filename &&
				start.Line-diffContext <= to.Line && from.Line <= end.Line+diffContext {
				return true
			}
		}
	}
	return false
}

// change is a fix under construction: its edits, and the nodes inside the
// edited ranges that the fix keeps (the provider expression).
type change struct {
	message string
	edits   []edit
	keep    []ast.Node
}

type edit struct {
	pos, end token.Pos
	text     string
}

type span struct{ pos, end token.Pos }

// build returns the change for site s, or nil when §3 offers no fix.
func (f *Fixer) build(s *bearercheck.Site) *change {
	if s == nil || s.Generated || s.File == nil || ast.IsGenerated(s.File) || s.Value == nil {
		return nil
	}
	switch s.Kind {
	case bearercheck.KindLiteral, bearercheck.KindSprintf, bearercheck.KindJoin:
	default:
		return nil // helpers, scheme parameters, APIs and hard-coded credentials
	}
	origin := s.Val.Origin
	if origin == nil || !f.reachesSink(s, origin) {
		return nil
	}
	tok := s.Val.BearerToken()
	if tok == nil || !types.Identical(f.pass.TypesInfo.TypeOf(tok), types.Typ[types.String]) {
		return nil
	}
	if p, m := f.res.ProviderOf(tok); m != nil {
		call, ok := f.providerCall(p, m, tok, origin)
		if !ok {
			return nil
		}
		return &change{
			message: "Use " + call,
			edits:   replaceAround(origin, p, "."+m.Name()+"()"),
			keep:    []ast.Node{p},
		}
	}
	return f.guard(s, origin, tok)
}

// replaceAround returns the edits that turn outer into inner+suffix,
// keeping the text of inner (a subexpression of outer) as it is.
func replaceAround(outer, inner ast.Node, suffix string) []edit {
	return []edit{
		{outer.Pos(), inner.Pos(), ""},
		{inner.End(), outer.End(), suffix},
	}
}

// providerCall checks that p.M() may replace origin, whose token tok is
// read from p: M returns exactly origin's type, is accessible, selects the
// same embedded provider as tok does, and p is addressable where M needs
// it. It returns the call as written for messages.
func (f *Fixer) providerCall(p ast.Expr, m *types.Func, tok, origin ast.Expr) (string, bool) {
	info := f.pass.TypesInfo
	res := m.Signature().Results()
	if res.Len() != 1 || !types.Identical(res.At(0).Type(), info.TypeOf(origin)) {
		return "", false // (string, error), (string, bool), or another type
	}
	pt := info.TypeOf(p)
	if pt == nil {
		return "", false
	}
	obj, index, _ := types.LookupFieldOrMethod(pt, addressable(info, p), f.pass.Pkg, m.Name())
	fn, ok := obj.(*types.Func)
	if !ok || fn.Origin() != m.Origin() {
		return "", false
	}
	// The token must be read from the same (embedded) value whose
	// provider method we call.
	var sel *types.Selection
	switch t := ast.Unparen(tok).(type) {
	case *ast.CallExpr:
		if se, ok := ast.Unparen(t.Fun).(*ast.SelectorExpr); ok {
			sel = info.Selections[se]
		}
	case *ast.SelectorExpr:
		sel = info.Selections[t]
	}
	if sel == nil || !samePath(sel.Index(), index) {
		return "", false
	}
	return types.ExprString(p) + "." + m.Name() + "()", true
}

// samePath reports whether two selection paths go through the same
// embedded fields.
func samePath(a, b []int) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := 0; i < len(a)-1; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// addressable reports whether e is addressable (or a pointer
// indirection), so that a pointer method may be called on it.
func addressable(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.StarExpr:
		return true
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok {
			_, isVar := info.Uses[e.Sel].(*types.Var) // pkg.Var
			return isVar
		}
		if sel.Kind() != types.FieldVal {
			return false
		}
		if _, ptr := info.TypeOf(e.X).Underlying().(*types.Pointer); ptr || sel.Indirect() {
			return true
		}
		return addressable(info, e.X)
	case *ast.IndexExpr:
		switch info.TypeOf(e.X).Underlying().(type) {
		case *types.Slice:
			return true
		case *types.Pointer: // pointer to array
			return true
		case *types.Array:
			return addressable(info, e.X)
		}
	}
	return false
}

// reachesSink reports whether origin, the expression that builds the
// bearer value of s, can be rewritten in place: it is part of the sink's
// value expression, or of the only assignment of the local variable that
// the sink's value is.
func (f *Fixer) reachesSink(s *bearercheck.Site, origin ast.Expr) bool {
	if within(origin, s.Value) {
		return true
	}
	id, ok := ast.Unparen(s.Value).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := f.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() != f.pass.Pkg || v.Parent() == nil || v.Parent() == f.pass.Pkg.Scope() {
		return false
	}
	fi := f.file(s.File)
	if fi == nil {
		return false
	}
	rhs := fi.soleValue(f.pass.TypesInfo, v)
	return rhs != nil && within(origin, rhs)
}

// within reports whether inner lies inside outer.
func within(inner, outer ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// normalize drops empty edits and sorts the rest by position.
func normalize(edits []edit) []edit {
	out := edits[:0:0]
	for _, e := range edits {
		if e.pos == e.end && e.text == "" {
			continue
		}
		out = append(out, e)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].pos < out[j-1].pos; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// fileInfo is what the Fixer computes once per file.
type fileInfo struct {
	file    *ast.File
	tf      *token.File
	content []byte
	root    inspector.Cursor
}

// file returns the per-file information, or nil if the file's content
// cannot be read or does not match the syntax tree.
func (f *Fixer) file(file *ast.File) *fileInfo {
	if fi, ok := f.files[file]; ok {
		return fi
	}
	var fi *fileInfo
	if tf := f.pass.Fset.File(file.FileStart); tf != nil {
		content, err := f.pass.ReadFile(tf.Name())
		if err == nil && len(content) == tf.Size() {
			fi = &fileInfo{file: file, tf: tf, content: content, root: inspector.New([]*ast.File{file}).Root()}
		}
	}
	f.files[file] = fi
	return fi
}

// soleValue returns the initial value of local variable v when that is
// its only assignment: v := rhs or var v = rhs, and no later v = …, v++,
// &v or range over v.
func (fi *fileInfo) soleValue(info *types.Info, v *types.Var) ast.Expr {
	var rhs ast.Expr
	defs := 0
	for cur := range fi.root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Defs[id] == v {
			defs++
			switch p := cur.Parent().Node().(type) {
			case *ast.AssignStmt:
				if p.Tok == token.DEFINE && len(p.Lhs) == len(p.Rhs) {
					for i, l := range p.Lhs {
						if l == id {
							rhs = p.Rhs[i]
						}
					}
				}
			case *ast.ValueSpec:
				if len(p.Values) == len(p.Names) {
					for i, n := range p.Names {
						if n == id {
							rhs = p.Values[i]
						}
					}
				}
			}
			continue
		}
		if info.Uses[id] != v {
			continue
		}
		if written(cur) {
			return nil
		}
	}
	if defs != 1 {
		return nil
	}
	return rhs
}

// written reports whether the identifier at cur is assigned or has its
// address taken.
func written(cur inspector.Cursor) bool {
	n := cur.Node()
	p := cur.Parent()
	for {
		if _, ok := p.Node().(*ast.ParenExpr); !ok {
			break
		}
		n, p = p.Node(), p.Parent()
	}
	switch p := p.Node().(type) {
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == n {
				return true
			}
		}
	case *ast.IncDecStmt:
		return true
	case *ast.UnaryExpr:
		return p.Op == token.AND
	case *ast.RangeStmt:
		return p.Key == n || p.Value == n
	}
	return false
}
