// Package fixes builds the suggested fixes of bearercheck (SPEC §3) from
// go/types information: it replaces a bearer value whose token comes from
// an AuthProvider with the provider's header value, rewrites a
// token-guarded sink into a header-value guard, and removes the imports a
// fix leaves unused.
//
// A fix is offered only where it keeps the request's meaning; everywhere
// else For returns nil. Every fix compiles when applied alone, and all the
// fixes of a package compile when applied together: no two overlap unless
// they are the same, and an import goes exactly when its last use does.
// When the last uses of an import are in several sites, those sites share
// one fix that rewrites them all and removes the import; drivers apply
// identical edits once (x/tools' checker and unitchecker coalesce them in
// diff.Merge, golangci-lint's fixer drops duplicates in validateEdits, and
// bearercheck -fix and analysistest do the same; gopls applies one fix).
//
// A fix edits only the text it changes: the rest of the file keeps its
// layout, gofmt-clean or not, and comments inside a replaced value stay
// where they are, in order.
package fixes

import (
	"bytes"
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis"
)

// A Fixer builds the fixes of one package's sites. It plans them all at
// once, on the first call of For, so that they are correct together as
// well as alone: no two fixes overlap, unless they are the same fix, and
// an import is removed exactly when its last use goes. When the last uses
// of an import are split among several sites, their fixes are one fix —
// every one of those sites rewritten and the import removed — offered
// identically on each; drivers apply identical edits once.
type Fixer struct {
	pass    *analysis.Pass
	res     *bearercheck.Result
	files   map[*ast.File]*fileInfo
	gen     map[*ast.File]bool       // computed by generated
	secrets map[string][]secretLines // computed by nearSecret
	planned map[*bearercheck.Site]*group

	// The migration (migrate.go): the unit of each root and of each
	// function it changes, and why a site or helper gets no fix.
	units       map[*bearercheck.Site]*unit
	helperUnits map[*types.Func]*unit
	noFix       map[any]string // by *Site or *types.Func
}

// New returns a Fixer for the package of pass, whose detection result is res.
func New(pass *analysis.Pass, res *bearercheck.Result) *Fixer {
	return &Fixer{pass: pass, res: res, files: map[*ast.File]*fileInfo{}, gen: map[*ast.File]bool{}}
}

// For returns the suggested fix of site s: none, or exactly one.
func (f *Fixer) For(s *bearercheck.Site) []analysis.SuggestedFix {
	f.planAll()
	g := f.planned[s]
	if g == nil {
		if u := f.unitOf(s); u != nil && u.fix != nil {
			return []analysis.SuggestedFix{*u.fix}
		}
		return nil
	}
	fix := analysis.SuggestedFix{Message: g.messages[s]}
	for _, e := range g.edits {
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: e.pos, End: e.end, NewText: []byte(e.text)})
	}
	return []analysis.SuggestedFix{fix}
}

// planAll plans the fixes of the package once.
func (f *Fixer) planAll() {
	if f.planned == nil {
		f.plan()
		f.planMigrations()
	}
}

// unitOf returns the migration unit a site belongs to: the one it is a
// root of, or, for a call of a helper the migration changes, that one.
func (f *Fixer) unitOf(s *bearercheck.Site) *unit {
	if u := f.units[s]; u != nil {
		return u
	}
	if s.Kind == bearercheck.KindHelper && s.Val.Helper != nil {
		if u := f.helperUnits[s.Val.Helper]; u != nil && slices.ContainsFunc(u.roots, func(r *bearercheck.Site) bool { return r.FuncObj == s.Val.Helper }) || u != nil && u.funcs[s.Val.Helper] {
			return u
		}
	}
	return nil
}

// ForHelper returns the migration fix of root helper h: none, or exactly
// one (the fix of every site and call on its token's path).
func (f *Fixer) ForHelper(h *bearercheck.Helper) []analysis.SuggestedFix {
	f.planAll()
	if u := f.helperUnits[h.Obj]; u != nil && u.fix != nil {
		return []analysis.SuggestedFix{*u.fix}
	}
	return nil
}

// NoFix says why site s gets no fix ("" when it gets one, or when the
// diagnostic's message already says why: generated code, a hard-coded
// credential).
func (f *Fixer) NoFix(s *bearercheck.Site) string {
	f.planAll()
	if f.planned[s] != nil {
		return ""
	}
	if u := f.unitOf(s); u != nil {
		if u.fix != nil {
			return ""
		}
		return u.blocked
	}
	return f.noFix[s]
}

// NoFixHelper says why root helper h gets no migration fix ("" when it
// gets one).
func (f *Fixer) NoFixHelper(h *bearercheck.Helper) string {
	f.planAll()
	if u := f.helperUnits[h.Obj]; u != nil && u.fix != nil {
		return ""
	}
	return f.noFix[h.Obj]
}

// group is a set of changes of one file that are offered as one fix.
type group struct {
	fi       *fileInfo
	changes  []*change
	sites    []*bearercheck.Site
	messages map[*bearercheck.Site]string
	edits    []edit // the changes' edits and the import deletions, sorted
	deletes  bool   // whether edits delete imports
}

// plan builds the fixes of every site of the package, in the order of
// res.Sites: a site whose change overlaps an earlier one gets none.
func (f *Fixer) plan() {
	f.planned = map[*bearercheck.Site]*group{}
	byFile := map[*fileInfo][]*group{}
	var files []*fileInfo
	for _, s := range f.res.Sites {
		ch := f.build(s)
		if ch == nil {
			continue
		}
		fi := f.file(s.File)
		if fi == nil {
			continue
		}
		ch.edits = normalize(fi.keepComments(ch.edits))
		if !fi.claim(ch.edits) {
			continue
		}
		ch.removed = ch.removedUses(f.index(fi).all)
		if byFile[fi] == nil {
			files = append(files, fi)
		}
		byFile[fi] = append(byFile[fi], &group{
			fi: fi, changes: []*change{ch}, sites: []*bearercheck.Site{s},
			messages: map[*bearercheck.Site]string{s: ch.message},
		})
	}
	for _, fi := range files {
		for _, g := range f.groupFile(fi, byFile[fi]) {
			for _, s := range g.sites {
				f.planned[s] = g
			}
		}
	}
}

// groupFile merges the groups of one file until each import whose uses
// they remove is removed by one group, and gives each group its edits. It
// returns the groups that can be offered.
func (f *Fixer) groupFile(fi *fileInfo, groups []*group) []*group {
	for merged := true; merged; {
		merged = false
		// The groups that remove uses of each import.
		for _, spec := range fi.file.Imports {
			var users []int
			removedAll := 0
			uses := f.index(fi).uses[spec]
			for i, g := range groups {
				if n := g.removedUses(spec); n > 0 {
					users = append(users, i)
					removedAll += n
				}
			}
			if len(users) > 1 && len(uses) > 0 && removedAll == len(uses) {
				groups = mergeGroups(groups, users)
				merged = true
				break
			}
		}
		if merged {
			continue
		}
		// Import deletions of two groups must not overlap (their
		// changes do not).
		for i, g := range groups {
			g.edits, g.deletes = f.groupEdits(fi, g)
			for j := range i {
				if (g.deletes || groups[j].deletes) && g.edits != nil && groups[j].edits != nil && overlap(g.edits, groups[j].edits) {
					groups = mergeGroups(groups, []int{j, i})
					merged = true
					break
				}
			}
			if merged {
				break
			}
		}
	}
	var out []*group
	for _, g := range groups {
		if g.edits != nil && !f.nearSecret(g.edits) {
			out = append(out, g)
		}
	}
	return out
}

// claim takes the ranges of edits, unless one of them overlaps, or
// starts where, a range taken before: it reports whether it did. Edits of
// different files never overlap, and overlapping ranges share a line, so
// the ranges are kept by file and line.
func (fi *fileInfo) claim(edits []edit) bool {
	for _, e := range edits {
		for l := fi.tf.Line(e.pos); l <= fi.tf.Line(e.end); l++ {
			for _, c := range fi.claimed[l] {
				if e.pos < c.end && c.pos < e.end || e.pos == c.pos {
					return false
				}
			}
		}
	}
	if fi.claimed == nil {
		fi.claimed = map[int][]span{}
	}
	for _, e := range edits {
		for l := fi.tf.Line(e.pos); l <= fi.tf.Line(e.end); l++ {
			fi.claimed[l] = append(fi.claimed[l], span{e.pos, e.end})
		}
	}
	return true
}

// mergeGroups merges the groups at the indices into the first of them.
func mergeGroups(groups []*group, indices []int) []*group {
	into := groups[indices[0]]
	for _, i := range indices[1:] {
		g := groups[i]
		into.changes = append(into.changes, g.changes...)
		into.sites = append(into.sites, g.sites...)
		for s, m := range g.messages {
			into.messages[s] = m
		}
		groups[i] = nil
	}
	into.edits, into.deletes = nil, false
	out := groups[:0]
	for _, g := range groups {
		if g != nil {
			out = append(out, g)
		}
	}
	return out
}

// groupEdits returns the edits of g: its changes' and the deletion of the
// imports it leaves unused; nil when an import it leaves unused cannot be
// deleted cleanly (the fix would not compile). It reports whether g
// leaves an import unused.
func (f *Fixer) groupEdits(fi *fileInfo, g *group) ([]edit, bool) {
	var edits []edit
	for _, ch := range g.changes {
		edits = append(edits, ch.edits...)
	}
	var unused []*ast.ImportSpec
	for _, spec := range fi.file.Imports {
		uses := f.index(fi).uses[spec]
		if len(uses) == 0 || spec.Name != nil && spec.Name.Name == "_" {
			continue
		}
		if g.removedUses(spec) == len(uses) {
			unused = append(unused, spec)
		}
	}
	if len(unused) > 0 {
		del, ok := f.deleteImports(fi, unused)
		if !ok {
			return nil, true
		}
		edits = append(edits, del...)
	}
	return normalize(edits), len(unused) > 0
}

// removedUses returns the number of uses of spec that g's changes remove.
// No use is removed by two changes: their edits do not overlap.
func (g *group) removedUses(spec *ast.ImportSpec) int {
	n := 0
	for _, ch := range g.changes {
		n += ch.removed[spec]
	}
	return n
}

// removedUses counts, by import, the uses of the file's imports that the
// change removes; all are the uses sorted by position.
func (ch *change) removedUses(all []importUse) map[*ast.ImportSpec]int {
	n := map[*ast.ImportSpec]int{}
	next := 0 // the uses before next have been looked at
	for _, e := range ch.edits {
		i := max(next, sort.Search(len(all), func(i int) bool { return all[i].pos >= e.pos }))
		for ; i < len(all) && all[i].pos < e.end; i++ {
			if ch.removes(all[i].pos) {
				n[all[i].spec]++
			}
		}
		next = i
	}
	return n
}

// removes reports whether the change removes the text at pos.
func (ch *change) removes(pos token.Pos) bool {
	for _, k := range ch.keep {
		if k.Pos() <= pos && pos < k.End() {
			return false
		}
	}
	for _, e := range ch.edits {
		if e.pos <= pos && pos < e.end {
			return true
		}
	}
	return false
}

// overlap reports whether two sorted lists of edits overlap.
func overlap(a, b []edit) bool {
	for _, x := range a {
		for _, y := range b {
			if x.pos < y.end && y.pos < x.end || x.pos == y.pos {
				return true
			}
		}
	}
	return false
}

// diffContext is the number of unchanged lines a unified diff shows
// around an edit (-diff).
const diffContext = 3

// nearSecret reports whether an edit lies within diffContext lines of
// credential text (a hard-coded credential, suppressed or not, or a
// literal it is built from): the credential would then be printed as context
// by -diff, and secrets never appear in any output. Such a site gets no fix.
func (f *Fixer) nearSecret(edits []edit) bool {
	fset := f.pass.Fset
	if f.secrets == nil {
		f.secrets = map[string][]secretLines{}
		for _, s := range f.res.Secrets {
			from, to := fset.Position(s.Pos), fset.Position(s.End)
			f.secrets[from.Filename] = append(f.secrets[from.Filename], secretLines{from.Line, to.Line})
		}
		for _, ls := range f.secrets {
			slices.SortFunc(ls, func(a, b secretLines) int { return cmp.Compare(a.from, b.from) })
			for i := 1; i < len(ls); i++ {
				ls[i].to = max(ls[i].to, ls[i-1].to)
			}
		}
	}
	for _, e := range edits {
		start, end := fset.Position(e.pos), fset.Position(e.end)
		// Of the secrets that start before the end of the edit's
		// context, the one that ends last.
		ls := f.secrets[start.Filename]
		i := sort.Search(len(ls), func(i int) bool { return ls[i].from > end.Line+diffContext })
		if i > 0 && start.Line-diffContext <= ls[i-1].to {
			return true
		}
	}
	return false
}

// secretLines are, for a secret of a file, its first line and the
// greatest last line of it and of the secrets sorted before it (by first
// line).
type secretLines struct{ from, to int }

// change is a fix under construction: its edits, and the nodes inside the
// edited ranges that the fix keeps (the provider expression).
type change struct {
	message string
	edits   []edit
	keep    []ast.Node
	removed map[*ast.ImportSpec]int // the uses of imports it removes
}

type edit struct {
	pos, end token.Pos
	text     string
}

type span struct{ pos, end token.Pos }

// build returns the change for site s, or nil when §3 offers no fix.
func (f *Fixer) build(s *bearercheck.Site) *change {
	if s == nil || s.Generated || s.File == nil || f.generated(s.File) || s.Value == nil {
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
			message: "replace the value with " + call,
			edits:   replaceAround(origin, p, "."+m.Name()+"()"),
			keep:    []ast.Node{p},
		}
	}
	return f.guard(s, origin, tok)
}

// generated reports whether file is generated (ast.IsGenerated, which
// looks at every comment of the file), once per file.
func (f *Fixer) generated(file *ast.File) bool {
	g, ok := f.gen[file]
	if !ok {
		g = ast.IsGenerated(file)
		f.gen[file] = g
	}
	return g
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
	rhs := f.soleValue(fi, v)
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

// keepComments returns edits in which no comment of the file is deleted:
// an edit whose range holds comments is split around them, so that they
// stay where they are, in order, and its new text follows the last one.
// After a comment that ends its line, the line break and the next line's
// indentation stay too; after another, one space separates it from what
// follows.
func (fi *fileInfo) keepComments(edits []edit) []edit {
	var out []edit
	for _, e := range edits {
		pos, sep := e.pos, "" // the text from pos on is replaced by sep
		// The comment groups are sorted: skip those that end before e.
		groups := fi.file.Comments
		first := sort.Search(len(groups), func(i int) bool { return groups[i].End() > e.pos })
		for _, g := range groups[first:] {
			if e.end <= g.Pos() {
				break
			}
			for _, c := range g.List {
				if c.Pos() < e.pos || e.end < c.End() {
					continue // not wholly inside the edit
				}
				out = append(out, edit{pos, c.Pos(), sep})
				pos, sep = c.End(), " "
				rest := fi.content[fi.tf.Offset(pos):fi.tf.Offset(e.end)]
				ws := rest[:len(rest)-len(bytes.TrimLeft(rest, " \t\r\n"))]
				if bytes.ContainsRune(ws, '\n') || strings.HasPrefix(c.Text, "//") {
					// Keep the line break and the indentation after it.
					pos, sep = pos+token.Pos(len(ws)), ""
				}
			}
		}
		out = append(out, edit{pos, e.end, sep + e.text})
	}
	// Drop the edits that change nothing.
	kept := out[:0]
	for _, e := range out {
		if e.text != string(fi.content[fi.tf.Offset(e.pos):fi.tf.Offset(e.end)]) {
			kept = append(kept, e)
		}
	}
	return kept
}

// fileInfo is what the Fixer computes once per file.
type fileInfo struct {
	file    *ast.File
	tf      *token.File
	content []byte
	claimed map[int][]span // by line, the ranges that planned changes edit
	index   *fileIndex     // computed by index
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
			fi = &fileInfo{file: file, tf: tf, content: content}
		}
	}
	f.files[file] = fi
	return fi
}

// soleValue returns the initial value of local variable v when that is
// its only assignment: v := rhs or var v = rhs, and no later v = …, v++,
// &v or range over v.
func (f *Fixer) soleValue(fi *fileInfo, v *types.Var) ast.Expr {
	r := f.index(fi).vars[v]
	if r == nil || r.written || len(r.defs) != 1 {
		return nil
	}
	id := r.defs[0].id
	switch p := r.defs[0].parent.(type) {
	case *ast.AssignStmt:
		if p.Tok == token.DEFINE && len(p.Lhs) == len(p.Rhs) {
			for i, l := range p.Lhs {
				if l == id {
					return p.Rhs[i]
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == len(p.Names) {
			for i, n := range p.Names {
				if n == id {
					return p.Values[i]
				}
			}
		}
	}
	return nil
}

// written reports whether the identifier id, whose ancestors are stack,
// is assigned or has its address taken.
func written(id *ast.Ident, stack []ast.Node) bool {
	var n ast.Node = id
	i := len(stack) - 1
	for ; i > 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			break
		}
		n = stack[i]
	}
	switch p := stack[i].(type) {
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
