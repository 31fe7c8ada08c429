// Package bearercheck is the detection core of bearercheck: it recognises
// authorization sinks, bearer values, AuthProviders, token accessors, agent
// tasks and bearer-only helpers in one type-checked package. It uses only
// go/ast and go/types; the analyzers record and report what it finds.
package bearercheck

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Package is the input of Analyze: one type-checked package.
type Package struct {
	Fset   *token.FileSet
	Files  []*ast.File
	Types  *types.Package
	Info   *types.Info
	Config *Compiled
	// Imported returns the summary of a function of another package, or nil.
	Imported func(*types.Func) *FuncSummary
	// ImportedField returns what is known about an exported field of
	// another package over that package's assignments (a field set to a
	// bearer value in a constructor), or nil.
	ImportedField func(*types.Var) *ResultSummary
	// Module is the path of the module the package belongs to ("" when
	// unknown, as in GOPATH mode): a call to a bearer-only helper of
	// another module (an SDK) is a site (see external).
	Module string
}

// pending reports whether a function is still to be visited.
func pending(dirty map[*fnCtx]bool) bool {
	for _, d := range dirty {
		if d {
			return true
		}
	}
	return false
}

// MaxRounds caps the rounds of the fixed point over a package's function
// summaries (helpers calling helpers within the package). Each round
// revisits only the functions whose callees' summaries changed, so a chain
// of n helpers converges in about n rounds; the cap bounds the work on
// pathological input, and hitting it is recorded (Result.Unconverged).
const MaxRounds = 10

// Result is everything the core found in a package, in source order. It
// is computed once and never changes: analyzers that share it only read it.
type Result struct {
	Sites      []*Site      // bearer values reaching authorization sinks, bearer-by-API calls
	Migrated   []*Site      // sinks whose value comes from an AuthProvider
	Helpers    []*Helper    // bearer-only helper declarations
	TaskCalls  []*TaskCall  // helper calls that ignore an available agent task
	Directives []*Directive // ignore directives that are malformed or suppress nothing
	Ignored    []*Ignored   // sites suppressed by a directive, with its reason
	// Calls are the calls to bearer-only helpers and to functions that
	// build a request URL from a parameter.
	Calls []*Call
	// Endpoints are the request URLs of each function that has some.
	Endpoints map[*types.Func]*Endpoints
	// Credentials are the hard-coded credentials, suppressed ones included:
	// places whose text must never be printed.
	Credentials []*Site
	// Secrets are the source ranges that hold credential text: each
	// credential's value and the literals, constants and assignments it
	// is built from. No output may print a line they touch.
	Secrets []Span
	// Summaries holds the summary of every function of the package that has one.
	Summaries map[*types.Func]*FuncSummary
	// Fields holds, for the package's exported fields that hold bearer
	// values, what is known about them (see Package.ImportedField).
	Fields map[*types.Var]*ResultSummary
	// Wrappers are the compatibility wrappers a migration left: not
	// sites, counted apart (see Wrapper).
	Wrappers []*Wrapper
	// Unconverged is set when the fixed point of the package's function
	// summaries stopped at MaxRounds with functions still to revisit: a
	// helper reached only through a longer chain of helpers in the
	// package may then be missed. Tests require it never to be set on the
	// fixtures (TestFixedPointConverges).
	Unconverged bool
	// MigrationErr is a configured token-adapter or provider-type that
	// exists but does not fit: a configuration error naming the key.
	MigrationErr error

	migration *Migration
	a         *pkgAnalysis
}

// Site is a place where a bearer value becomes the Authorization header.
type Site struct {
	Node     ast.Node      // the sink: call, assignment, or key-value pair
	Value    ast.Expr      // the value expression (the call itself for an API or scheme call)
	Key      ast.Expr      // the header key, when there is one
	Val      Value         // what is known about the value
	Kind     Kind          // the category
	Callee   *types.Func   // the bearer-by-API or scheme-parametric function
	Func     *ast.FuncDecl // the enclosing declaration (nil at package level)
	FuncObj  *types.Func
	File     *ast.File
	Task     *Avail // an agent task available in the function
	Provider *Avail // an AuthProvider available in the function
	// Generated is set for sites in generated files (see generated.go):
	// reported and counted, never fixed.
	Generated bool

	secret string // a hard-coded credential given to a helper
}

// CredentialText returns the constant text of a hard-coded credential, ""
// for other sites. It is never printed or stored: outputs only keep a
// keyed hash of it (report's fingerprints), so that replacing one
// credential with another is a new finding.
func (s *Site) CredentialText() string {
	if s.Kind != KindHardCoded {
		return ""
	}
	if s.secret != "" {
		return s.secret
	}
	return s.Val.Prefix
}

// Call is a call to a bearer-only helper or to a function that builds a
// request URL from a parameter.
type Call struct {
	Call    *ast.CallExpr
	Callee  *types.Func
	Func    *ast.FuncDecl
	FuncObj *types.Func
	File    *ast.File
	// Paths are the URL paths the call passes to the callee's path
	// parameters.
	Paths []string
	// Through is set when it passes a path parameter of the calling
	// function: the caller's callers decide the path.
	Through bool
}

// Helper is the declaration of a bearer-only helper.
type Helper struct {
	Decl      *ast.FuncDecl
	Obj       *types.Func
	Summary   *FuncSummary
	Generated bool // declared in a generated file
	// Returns are the bearer values the helper builds and returns itself
	// ("Bearer "+tok in a return statement): what the migration fix
	// rewrites to the provider's header value.
	Returns []*Site
}

// TaskCall is a call to a bearer-only helper in a function where an agent
// task is available and no argument derives from it.
type TaskCall struct {
	Call    *ast.CallExpr
	Callee  *types.Func
	Task    *Avail
	Func    *ast.FuncDecl
	FuncObj *types.Func
	// Generated is set for calls in generated files.
	Generated bool
	// Reroute is set for a call of an API that is already migrated
	// (Callee is no bearer-only helper): how the call can carry the
	// task's provider.
	Reroute *Reroute
}

// Avail is a value available in a function: a variable or a direct field of
// the receiver or a parameter.
type Avail struct {
	Expr  string     // as written: "task", "s.agentTask"
	Var   *types.Var // the variable
	Field *types.Var // the field of Var, or nil
}

// fnCtx is a function declaration under analysis.
type fnCtx struct {
	decl   *ast.FuncDecl
	obj    *types.Func
	file   *ast.File
	params *types.Tuple // the declaration's own parameters (see param)
	recv   *types.Var
	locals []*types.Var // variables declared in the body, closures included
	gen    bool         // in a generated file
	exempt bool         // a provider method or allowed
	// nodes are the nodes of the body that visit and funcEndpoints look
	// at, in source order (ast.Inspect's): calls, assignments and
	// composite literals, function literals included, and return
	// statements outside function literals. Recorded once by index, so
	// that the body is walked once however often it is visited.
	nodes []bodyNode
	// While endpoints are computed: the function's endpoints, and whether
	// it is visited again (see endpoints).
	ends     *Endpoints
	urlCalls bool
}

// bodyNode is a node of a function body that the analysis looks at.
type bodyNode struct {
	n  ast.Node
	fn *types.Func // for a call, its callee (typeutil.Callee), or nil
	// sinks are the header writes the node performs (see index).
	sinks []sink
}

// assign is one assignment of a value to a variable or field.
type assign struct {
	rhs     ast.Expr
	index   int // result index of a tuple-valued call; -1 otherwise
	ctx     *fnCtx
	opaque  bool // the value is unknowable (range, address taken)
	appends bool // x += rhs
	lit     bool // a field's element in a struct literal
}

type pkgAnalysis struct {
	pkg     *Package
	cfg     *Compiled
	funcs   []*fnCtx
	assigns map[*types.Var][]*assign
	local   map[*types.Func]*FuncSummary

	memo     map[ast.Expr]memoEntry
	varMemo  map[*types.Var]Value
	depMemo  map[*types.Var]*depSet
	accCache map[*fnCtx]map[*types.Var][]accOp // the operations on each function's accumulators

	// headerFields are the fields whose value is written to an
	// authorization sink; newFields those found in the current round.
	headerFields map[*types.Var]bool
	newFields    []*types.Var
	// tokenFields are the fields a bearer-only helper of the package
	// reads its token from (c.token, c.config.authToken): a function that
	// stores its parameter there is a helper too (constructors, setters,
	// functional options). newTokenFields are those found in the current
	// round.
	tokenFields    map[*types.Var]bool
	newTokenFields []*types.Var

	providerCache map[types.Type]*types.Func // not written once done
	done          bool                       // Analyze returned: read-only
	// importedFuncs and importedFields cache what Package.Imported and
	// Package.ImportedField return (nil included); not written once done.
	importedFuncs  map[*types.Func]*FuncSummary
	importedFields map[*types.Var]*ResultSummary
	taskTypes      map[*types.TypeName]bool // whether each is an agent task type; not written once done
	reroutes       map[*types.Func]*Reroute // see reroute; not written once done
	bearerAPIs     map[*types.Func]bool     // whether each is in the bearer-by-API table; not written once done

	// While summaries are computed: the function being visited, and for
	// each function of the package, the functions that read its summary.
	cur     *fnCtx
	readers map[*types.Func]map[*fnCtx]bool
	// visited are the functions visited at least once; pendingReaders,
	// for each function not visited yet, those that called it meanwhile.
	visited        map[*types.Func]bool
	pendingReaders map[*types.Func]map[*fnCtx]bool
	// impls caches, for interface methods, the methods that implement them.
	impls   map[*types.Func][]*types.Func
	program []*types.Package       // this package and its imports outside the standard library
	byObj   map[*types.Func]*fnCtx // the package's function declarations
	byBody  []*fnCtx               // the package's function declarations by position (see funcDeclaring)

	// Used by index: the blocks that assignment records and functions'
	// nodes are kept in, and buffers for the nodes and locals of a
	// function.
	assignBuf []assign
	nodeBuf   []bodyNode
	nodeBlock []bodyNode
	localBuf  []*types.Var
}

// Analyze runs the detection over one package.
func Analyze(p *Package) *Result {
	a := &pkgAnalysis{
		pkg:            p,
		cfg:            p.Config,
		assigns:        map[*types.Var][]*assign{},
		local:          map[*types.Func]*FuncSummary{},
		providerCache:  map[types.Type]*types.Func{},
		importedFuncs:  map[*types.Func]*FuncSummary{},
		importedFields: map[*types.Var]*ResultSummary{},
		taskTypes:      map[*types.TypeName]bool{},
		reroutes:       map[*types.Func]*Reroute{},
		bearerAPIs:     map[*types.Func]bool{},
		accCache:       map[*fnCtx]map[*types.Var][]accOp{},
		headerFields:   map[*types.Var]bool{},
		tokenFields:    map[*types.Var]bool{},
	}
	files := a.files()
	if !a.mayMatter() {
		a.done = true
		return &Result{Summaries: a.local, a: a}
	}
	a.index(files)

	// Provider methods first: which receiver fields they read.
	for _, f := range a.funcs {
		if a.isProviderMethod(f.obj) {
			if fields := a.providerFields(f); len(fields) > 0 {
				a.local[f.obj] = &FuncSummary{ProviderFields: fields}
			}
		}
	}
	// Summaries to a fixed point: helpers call helpers within the package.
	// After the first round only the functions that consulted a summary
	// that changed are visited again.
	a.readers = map[*types.Func]map[*fnCtx]bool{}
	a.visited, a.pendingReaders = map[*types.Func]bool{}, map[*types.Func]map[*fnCtx]bool{}
	dirty := map[*fnCtx]bool{}
	for _, f := range a.funcs {
		dirty[f] = !f.exempt
	}
	unconverged := false
	for round := 0; pending(dirty); round++ {
		if round == MaxRounds {
			unconverged = true // summaries may be missing facts: see Result.Unconverged
			break
		}
		a.reset()
		next := map[*fnCtx]bool{}
		for _, f := range a.funcs {
			if !dirty[f] {
				continue
			}
			a.cur = f
			s := a.visit(f, nil)
			if !a.visited[f.obj] {
				a.visited[f.obj] = true
				for g := range a.pendingReaders[f.obj] { // assumed nothing of f yet
					next[g] = !g.exempt
				}
			}
			if old := a.local[f.obj]; !reflect.DeepEqual(old, s) && !(old.empty() && s.empty()) {
				if s.empty() {
					delete(a.local, f.obj)
				} else {
					a.local[f.obj] = s
				}
				for g := range a.readers[f.obj] {
					next[g] = !g.exempt
				}
			}
		}
		// Functions that store into a newly found header or token field.
		for _, fld := range slices.Concat(a.newFields, a.newTokenFields) {
			for _, as := range a.assigns[fld] {
				if as.ctx != nil {
					next[as.ctx] = !as.ctx.exempt
				}
			}
		}
		a.newFields, a.newTokenFields = nil, nil
		dirty = next
	}
	a.cur, a.readers, a.visited, a.pendingReaders = nil, nil, nil, nil

	a.reset()
	r := &Result{Summaries: a.local, Unconverged: unconverged, a: a}
	a.endpoints(r)
	for _, f := range a.funcs {
		if !f.exempt {
			a.visit(f, r)
		}
	}
	if !a.allowed(nil) {
		for _, file := range files {
			a.visitPackageLevel(file, r)
		}
	}
	for _, s := range r.Sites {
		if s.Kind == KindHardCoded {
			r.Credentials = append(r.Credentials, s)
		}
	}
	r.Fields = a.bearerFields()
	r.Wrappers = a.wrappers()
	r.Secrets = a.secretSpans(r.Credentials, r.Sites)
	a.applyDirectives(files, r)
	if a.cfg.Generated == GeneratedSkip {
		r.Sites = filter(r.Sites, func(s *Site) bool { return s.Generated })
		r.Migrated = filter(r.Migrated, func(s *Site) bool { return s.Generated })
		r.Helpers = filter(r.Helpers, func(h *Helper) bool { return h.Generated })
		r.TaskCalls = filter(r.TaskCalls, func(c *TaskCall) bool { return c.Generated })
	}
	// Source order: package-level sites were found after the functions.
	// Files in the order of the package's files, not of token.Pos: files
	// parsed concurrently get their bases in no fixed order.
	fileIndex := map[*token.File]int{}
	for i, f := range a.pkg.Files {
		fileIndex[a.pkg.Fset.File(f.FileStart)] = i
	}
	bySite := func(x, y *Site) int {
		fx, fy := a.pkg.Fset.File(x.Value.Pos()), a.pkg.Fset.File(y.Value.Pos())
		if fx != fy {
			return cmp.Compare(fileIndex[fx], fileIndex[fy])
		}
		return cmp.Compare(x.Value.Pos(), y.Value.Pos())
	}
	slices.SortStableFunc(r.Sites, bySite)
	slices.SortStableFunc(r.Migrated, bySite)
	if slices.ContainsFunc(r.Sites, func(s *Site) bool { return !s.Generated }) || slices.ContainsFunc(r.Helpers, func(h *Helper) bool { return !h.Generated }) ||
		slices.ContainsFunc(r.TaskCalls, func(c *TaskCall) bool { return c.Reroute != nil && !c.Generated }) {
		r.migration, r.MigrationErr = a.resolveMigration()
	}
	// Keep what the result's methods need, not the indexes; from here on
	// the analysis is read-only (Result's methods run concurrently).
	a.memo, a.varMemo, a.depMemo, a.assigns, a.funcs, a.byObj, a.byBody = nil, nil, nil, nil, nil, nil, nil
	a.assignBuf, a.nodeBuf, a.nodeBlock, a.localBuf = nil, nil, nil, nil
	a.done = true
	return r
}

// mayMatter is the fast path: a package can hold a site, a helper or a
// provider only if it uses a constant string that mentions bearer or
// authorization, declares a provider method, or calls a bearer-by-API
// function or a function of another package that has a summary.
func (a *pkgAnalysis) mayMatter() bool {
	info := a.pkg.Info
	for _, tv := range info.Types {
		if tv.Value != nil && tv.Value.Kind() == constant.String && mentionsAuth(constant.StringVal(tv.Value)) {
			return true
		}
	}
	for id, obj := range info.Defs {
		if fn, ok := obj.(*types.Func); ok && id.Name == a.cfg.ProviderMethod && a.isProviderMethod(fn) {
			return true
		}
	}
	for _, obj := range info.Uses {
		if v, ok := obj.(*types.Var); ok && v.IsField() && a.importedField(v) != nil {
			return true
		}
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == a.pkg.Types {
			continue
		}
		if s := a.summary(fn); a.isBearerAPI(fn) || s != nil && !s.onlyPaths() || a.reroute(fn) != nil {
			return true
		}
	}
	return false
}

// mentionsAuth reports whether strings.ToLower(s) contains "bearer" or
// "authorization", without lower-casing s (a copy of each string: the
// tables of some packages are long concatenations of constants).
func mentionsAuth(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 { // the byte lower-cased if a letter: b for b and B only
		case 'b':
			if hasLowerPrefix(s[i:], "bearer") {
				return true
			}
		case 'a':
			if hasLowerPrefix(s[i:], "authorization") {
				return true
			}
		}
	}
	return false
}

// hasLowerPrefix reports whether strings.ToLower(s) begins with w, a
// lower-case ASCII word without k. The only non-ASCII letters that
// strings.ToLower maps to ASCII letters are U+0130 (to i) and U+212A (to
// k); every other non-ASCII rune or invalid byte stays non-ASCII. So w
// matches where s has its letters in ASCII of any case, or U+0130 for an
// i. (The byte 0xC4 that begins U+0130 is never part of another rune.)
func hasLowerPrefix(s, w string) bool {
	p := 0
	for j := 0; j < len(w); j++ {
		if p >= len(s) {
			return false
		}
		c := s[p]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC4 && w[j] == 'i' && p+1 < len(s) && s[p+1] == 0xB0:
			c = 'i'
			p++
		}
		if c != w[j] {
			return false
		}
		p++
	}
	return true
}

// Config returns the configuration the package was analysed with.
func (r *Result) Config() *Compiled { return r.a.cfg }

func (a *pkgAnalysis) reset() {
	if a.memo == nil {
		a.memo = map[ast.Expr]memoEntry{}
		a.varMemo = map[*types.Var]Value{}
		a.depMemo = map[*types.Var]*depSet{}
		return
	}
	clear(a.memo) // keeping their room for the next round
	clear(a.varMemo)
	clear(a.depMemo)
}

// files returns the files to analyse: test files only when configured.
func (a *pkgAnalysis) files() []*ast.File {
	var out []*ast.File
	for _, f := range a.pkg.Files {
		name := fileName(a.pkg.Fset, f)
		if strings.HasSuffix(name, "_test.go") && !a.cfg.IncludeTests || classify(a.pkg.Fset, f) == cgoToolFile {
			continue
		}
		out = append(out, f)
	}
	return out
}

// summary returns what is known about fn, from this package or a fact.
func (a *pkgAnalysis) summary(fn *types.Func) *FuncSummary {
	fn = fn.Origin()
	if fn.Pkg() == a.pkg.Types {
		if a.readers != nil && a.cur != nil {
			if a.readers[fn] == nil {
				a.readers[fn] = map[*fnCtx]bool{}
			}
			a.readers[fn][a.cur] = true
		}
		return a.local[fn]
	}
	if a.pkg.Imported == nil {
		return nil
	}
	return memo(a, a.importedFuncs, fn, a.pkg.Imported)
}

// index records the package's functions and every assignment to a
// variable or field.
func (a *pkgAnalysis) index(files []*ast.File) {
	info := a.pkg.Info
	x := &indexer{a: a} // walks each body
	for _, file := range files {
		gen := classify(a.pkg.Fset, file) == generatedFile
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				obj, _ := info.Defs[d.Name].(*types.Func)
				if obj == nil || d.Body == nil {
					continue
				}
				sig := obj.Signature()
				ctx := &fnCtx{decl: d, obj: obj, file: file, params: sig.Params(), recv: sig.Recv(), gen: gen}
				ctx.exempt = a.isProviderMethod(obj) || a.allowed(obj)
				a.funcs = append(a.funcs, ctx)
				// Built in buffers kept from one function to the next,
				// then copied (the nodes into a block).
				ctx.nodes, ctx.locals = a.nodeBuf[:0], a.localBuf[:0]
				x.ctx = ctx
				ast.Walk(x, d.Body)
				a.nodeBuf, a.localBuf = ctx.nodes, ctx.locals
				ctx.nodes, ctx.locals = a.keepNodes(ctx.nodes), clone(ctx.locals)
			case *ast.GenDecl:
				x.ctx = nil
				ast.Walk(x, d)
			}
		}
	}
	a.byBody = slices.SortedFunc(slices.Values(a.funcs), func(f, g *fnCtx) int {
		return cmp.Compare(f.decl.Body.Pos(), g.decl.Body.Pos())
	})
	// The header writes of the nodes of the functions visit looks at,
	// once every assignment is known (a function-valued variable's
	// assignments decide some: set := h.Set; set(k, v)).
	for _, f := range a.funcs {
		if f.exempt {
			continue
		}
		for i := range f.nodes {
			f.nodes[i].sinks = a.sinks(f.nodes[i].n, f.nodes[i].fn)
		}
	}
}

// clone returns a copy of s, nil if it is empty.
func clone[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// keepNodes returns a copy of a function's nodes. They are copied into
// blocks, like assignment records.
func (a *pkgAnalysis) keepNodes(ns []bodyNode) []bodyNode {
	if len(ns) == 0 {
		return nil
	}
	if len(ns) > cap(a.nodeBlock)-len(a.nodeBlock) {
		a.nodeBlock = make([]bodyNode, 0, max(1024, len(ns)))
	}
	start := len(a.nodeBlock)
	a.nodeBlock = append(a.nodeBlock, ns...)
	return a.nodeBlock[start:len(a.nodeBlock):len(a.nodeBlock)]
}

// newAssign returns a new assignment record. They are allocated in
// blocks: there are many, and they live as long as the analysis.
func (a *pkgAnalysis) newAssign(as assign) *assign {
	if len(a.assignBuf) == cap(a.assignBuf) {
		a.assignBuf = make([]assign, 0, 256)
	}
	a.assignBuf = append(a.assignBuf, as)
	return &a.assignBuf[len(a.assignBuf)-1]
}

// indexer is the walk of index over a function body (ctx set) or a
// package-level declaration.
type indexer struct {
	a     *pkgAnalysis
	ctx   *fnCtx
	inLit bool // inside a function literal
}

// add records an assignment to the variable or field lhs denotes.
func (x *indexer) add(lhs ast.Expr, as assign) {
	info := x.a.pkg.Info
	var v *types.Var
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		v, _ = info.ObjectOf(l).(*types.Var)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[l]; ok && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
		} else {
			v, _ = info.Uses[l.Sel].(*types.Var)
		}
	}
	if v != nil {
		x.a.assigns[v] = append(x.a.assigns[v], x.a.newAssign(as))
	}
}

// local records a variable declared in the function.
func (x *indexer) local(id *ast.Ident) {
	if v, ok := x.a.pkg.Info.Defs[id].(*types.Var); ok {
		x.ctx.locals = append(x.ctx.locals, v)
	}
}

func (x *indexer) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		return nil
	}
	a, ctx, info := x.a, x.ctx, x.a.pkg.Info
	switch n := n.(type) {
	case *ast.AssignStmt:
		switch {
		case n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1:
			x.add(n.Lhs[0], assign{rhs: n.Rhs[0], index: -1, ctx: ctx, appends: true})
		case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
			for _, l := range n.Lhs {
				x.add(l, assign{ctx: ctx, opaque: true})
			}
		case len(n.Lhs) == len(n.Rhs):
			for i, l := range n.Lhs {
				x.add(l, assign{rhs: n.Rhs[i], index: -1, ctx: ctx})
			}
		case len(n.Rhs) == 1:
			for i, l := range n.Lhs {
				if _, isCall := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); isCall {
					x.add(l, assign{rhs: n.Rhs[0], index: i, ctx: ctx})
				} else if i == 0 {
					x.add(l, assign{rhs: n.Rhs[0], index: -1, ctx: ctx})
				} else {
					x.add(l, assign{ctx: ctx, opaque: true})
				}
			}
		}
		if n.Tok == token.DEFINE && ctx != nil {
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					x.local(id)
				}
			}
		}
		x.node(n, nil)
	case *ast.ValueSpec:
		for i, name := range n.Names {
			v, _ := info.Defs[name].(*types.Var)
			if v == nil {
				continue
			}
			if ctx != nil {
				ctx.locals = append(ctx.locals, v)
			}
			switch {
			case len(n.Values) == len(n.Names):
				a.assigns[v] = append(a.assigns[v], a.newAssign(assign{rhs: n.Values[i], index: -1, ctx: ctx}))
			case len(n.Values) == 1:
				a.assigns[v] = append(a.assigns[v], a.newAssign(assign{rhs: n.Values[0], index: i, ctx: ctx}))
			}
		}
	case *ast.RangeStmt:
		for _, l := range []ast.Expr{n.Key, n.Value} {
			if l != nil {
				x.add(l, assign{rhs: n.X, ctx: ctx, opaque: true})
				if id, ok := l.(*ast.Ident); ok && n.Tok == token.DEFINE && ctx != nil {
					x.local(id)
				}
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			x.add(n.X, assign{ctx: ctx, opaque: true})
		}
	case *ast.CompositeLit:
		a.indexStructLit(n, ctx)
		x.node(n, nil)
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, n).(*types.Func)
		x.node(n, fn)
	case *ast.ReturnStmt:
		if !x.inLit {
			x.node(n, nil)
		}
	case *ast.FuncLit:
		if ctx != nil {
			sig, _ := info.TypeOf(n).(*types.Signature)
			if sig != nil {
				for i := 0; i < sig.Params().Len(); i++ {
					ctx.locals = append(ctx.locals, sig.Params().At(i))
				}
			}
		}
		if !x.inLit {
			lit := *x
			lit.inLit = true
			return &lit
		}
	}
	return x
}

// node records a node that visit and funcEndpoints look at.
func (x *indexer) node(n ast.Node, fn *types.Func) {
	if x.ctx != nil {
		x.ctx.nodes = append(x.ctx.nodes, bodyNode{n: n, fn: fn})
	}
}

// indexStructLit records the fields a struct literal assigns.
func (a *pkgAnalysis) indexStructLit(lit *ast.CompositeLit, ctx *fnCtx) {
	t := a.pkg.Info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, el := range lit.Elts {
		var field *types.Var
		val := el
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				field, _ = a.pkg.Info.Uses[id].(*types.Var)
			}
			val = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field != nil {
			a.assigns[field] = append(a.assigns[field], a.newAssign(assign{rhs: val, index: -1, ctx: ctx, lit: true}))
		}
	}
}

// fnVisit is the state of one visit of a function.
type fnVisit struct {
	f         *fnCtx
	s         FuncSummary // the summary so far (copied to the heap if not empty)
	root, via TokenSource
	stores    TokenSource // the parameters stored into token fields
	sites     []*Site
	rets      []*Site // bearer values returned, built here
	calls     []*ast.CallExpr
	// reroutes are the calls of migrated APIs that can carry a task's
	// provider (see Reroute).
	reroutes []*ast.CallExpr
	// providerCalls are the calls of the provider method, and migrated
	// whether the function has a migrated site (final visit only).
	providerCalls []*ast.CallExpr
	migrated      bool
	others        bool // the function writes another scheme too
}

func (v *fnVisit) addSite(site *Site) {
	if slices.ContainsFunc(v.sites, func(s *Site) bool { return s.Value == site.Value }) {
		return // a call that is both a header API and a function writing its value
	}
	f := v.f
	site.Func, site.FuncObj, site.File, site.Generated = f.decl, f.obj, f.file, f.gen
	v.sites = append(v.sites, site)
}

// visit walks one function. Without r it only computes the summary; with
// r it also records sites, helpers and task calls.
func (a *pkgAnalysis) visit(f *fnCtx, r *Result) *FuncSummary {
	vis := &fnVisit{f: f}
	s := &vis.s
	if prev := a.local[f.obj]; prev != nil {
		s.ProviderFields = prev.ProviderFields
	}
	results := f.obj.Signature().Results()
	nres := results.Len()
	strResults := false // only string results are recorded
	for i := 0; i < nres; i++ {
		strResults = strResults || isString(results.At(i).Type())
	}
	var returned [][]ast.Expr // the string results of each return statement
	var resBuf [4][]ast.Expr

	for i := range f.nodes {
		nd := &f.nodes[i]
		switch n := nd.n.(type) {
		case *ast.ReturnStmt:
			if strResults {
				if returned == nil && nres <= len(resBuf) {
					returned = resBuf[:nres]
				} else if returned == nil {
					returned = make([][]ast.Expr, nres)
				}
				a.recordReturn(f, n, returned)
			}
		case *ast.CallExpr:
			if nd.fn != nil {
				if r != nil && a.isProviderMethod(nd.fn) {
					vis.providerCalls = append(vis.providerCalls, n)
				}
				a.visitCall(vis, n, nd.fn)
				if isMethod(nd.fn, "net/http", "Request", "SetBasicAuth") {
					vis.others = true
				}
			}
		case *ast.AssignStmt, *ast.CompositeLit:
			a.visitStores(vis, n)
			if lit, ok := n.(*ast.CompositeLit); ok {
				a.adaptedField(vis, lit)
			}
		}
		for _, sk := range nd.sinks {
			if !isAuthorizationKey(a.keyValue(sk, f)) {
				continue
			}
			for _, v := range sk.values {
				a.noteHeaderField(v)
				val := a.valueOf(sk, v, f)
				switch {
				case val.IsBearer():
					if !val.Exact { // else the token is constant: it comes from no parameter
						vis.root.add(a.tokenSource(f, []ast.Expr{v}, []Value{val}))
					}
					if i := a.tokenParam(val, f); i >= 0 {
						vis.root.add(TokenSource{Verbatim: []int{i}})
					}
					vis.addSite(&Site{Node: sk.node, Value: v, Key: sk.key, Val: val, Kind: siteKind(val)})
				case val.Provider:
					if r != nil {
						vis.migrated = true
						r.Migrated = append(r.Migrated, &Site{Node: sk.node, Value: v, Key: sk.key, Val: val, Func: f.decl, FuncObj: f.obj, File: f.file, Generated: f.gen})
					}
				case val.IsParam():
					s.addWrites(f.paramIndex(val.Head))
				case val.BeginsWithParam() && strings.TrimLeftFunc(val.Prefix, isSpace) != val.Prefix && f.paramIndex(val.Head) >= 0:
					s.Scheme = &SchemeSink{Param: f.paramIndex(val.Head), Rest: val.Prefix}
				case val.Head == nil && strings.TrimSpace(val.Prefix) != "":
					vis.others = true // another scheme: "Token token=", "Basic "
				}
			}
		}
	}

	// Results.
	for i, exprs := range returned {
		vals := make([]Value, len(exprs))
		for j, e := range exprs {
			vals[j] = a.eval(e, f)
		}
		if r != nil {
			for j, val := range vals {
				if val.IsBearer() && siteKind(val) != KindHelper && siteKind(val) != KindScheme {
					vis.rets = append(vis.rets, &Site{Value: exprs[j], Val: val, Kind: siteKind(val), Func: f.decl, FuncObj: f.obj, File: f.file, Generated: f.gen})
				}
			}
		}
		v := merge(vals)
		rs := ResultSummary{Head: -1, Prefix: v.Prefix, Exact: v.Exact, Provider: v.Provider, Tail: a.tailParam(v, vals, f)}
		if v.BeginsWithParam() {
			rs.Head = f.paramIndex(v.Head)
		}
		if v.IsBearer() && !v.Exact {
			src := a.tokenSource(f, exprs, vals)
			if v.Kind == KindHelper {
				vis.via.add(src)
			} else {
				vis.root.add(src)
			}
		}
		if relevant(v) {
			for len(s.Results) < i {
				s.Results = append(s.Results, ResultSummary{Head: -1, Tail: -1})
			}
			s.Results = append(s.Results, rs)
		}
	}
	switch {
	case !vis.root.isZero():
		vis.root.add(vis.via)
		root := vis.root
		s.Helper, s.Root, s.OtherSchemes = &root, true, vis.others
	case !vis.via.isZero():
		via := vis.via
		s.Helper = &via
	}
	if !vis.stores.isZero() {
		stores := vis.stores
		s.Stores = &stores
	}
	var out *FuncSummary
	if !s.empty() {
		out = new(FuncSummary)
		*out = *s
	}
	if r != nil {
		a.record(f, out, vis, r)
	}
	return out
}

// tailParam returns the parameter of f that each of the values vals, whose
// merge is v, ends with unchanged after v's known text; -1 if there is none.
func (a *pkgAnalysis) tailParam(v Value, vals []Value, f *fnCtx) int {
	tail := -1
	for _, x := range vals {
		if x.IsEmptyString() {
			continue // "": no credential
		}
		i := -1
		if x.Token != nil && x.Head == v.Head && x.Prefix == v.Prefix {
			i = a.exactParam(x.Token, f)
		}
		if i < 0 || tail >= 0 && i != tail {
			return -1
		}
		tail = i
	}
	return tail
}

// visitCall handles a call to fn: a bearer-by-API function, a
// scheme-parametric function or a bearer-only helper.
func (a *pkgAnalysis) visitCall(vis *fnVisit, call *ast.CallExpr, fn *types.Func) {
	f, s := vis.f, &vis.s
	if a.isBearerAPI(fn) {
		vis.root.add(a.sourceOf(f, apiToken(a.pkg.Info, call)))
		vis.addSite(&Site{Node: call, Value: call, Kind: KindAPI, Callee: fn, Val: Value{Kind: KindAPI, Origin: call}})
		return
	}
	if a.cfg.IsAdapterFunc(fn) {
		a.adaptedArg(vis, call, fn, 0)
		return
	}
	cs := a.summary(fn)
	if (cs == nil || cs.Helper == nil) && a.reroute(fn) != nil && !a.viaWithAuth(call) {
		vis.reroutes = append(vis.reroutes, call) // a migrated API (a wrapper may have a summary)
	}
	if cs == nil {
		return
	}
	for _, p := range cs.Adapts {
		a.adaptedArg(vis, call, fn, p)
	}
	if cs.Scheme != nil {
		if arg := argFor(call, fn, cs.Scheme.Param); arg != nil {
			av := a.eval(arg, f)
			switch {
			case av.IsConstant() && isBearerText(av.Prefix+cs.Scheme.Rest):
				vis.root.add(a.sourceOf(f, call.Args...))
				vis.addSite(&Site{Node: call, Value: call, Kind: KindScheme, Callee: fn, Val: Value{Prefix: av.Prefix + cs.Scheme.Rest, Kind: KindScheme, Origin: call}})
			case av.IsParam() && f.paramIndex(av.Head) >= 0:
				s.Scheme = &SchemeSink{Param: f.paramIndex(av.Head), Rest: cs.Scheme.Rest}
			}
		}
	}
	for _, p := range cs.Writes {
		a.writtenArg(vis, call, fn, p)
	}
	if cs.Stores != nil && cs.Helper == nil {
		src := a.depsSource(f, a.helperDeps(f, call, fn, cs.Stores))
		switch {
		case !a.external(fn):
			vis.stores.add(src)
		case a.passesToken(call, fn, cs.Stores, f):
			vis.calls = append(vis.calls, call)
			vis.root.add(src)
			vis.addSite(&Site{Node: call, Value: call, Kind: KindAPI, Callee: fn, Val: Value{Kind: KindAPI, Origin: call}})
		}
	}
	if cs.Helper != nil {
		src := a.depsSource(f, a.helperDeps(f, call, fn, cs.Helper))
		n := len(vis.sites)
		a.verbatimArgs(vis, call, fn, cs.Helper)
		switch {
		case len(vis.sites) > n || !a.external(fn):
			vis.calls = append(vis.calls, call)
			vis.via.add(src)
		case a.passesToken(call, fn, cs.Helper, f):
			vis.calls = append(vis.calls, call)
			// Bearer-by-API: the SDK sends the token it is given here.
			vis.root.add(src)
			vis.addSite(&Site{Node: call, Value: call, Kind: KindAPI, Callee: fn, Val: Value{Kind: KindAPI, Origin: call}})
		}
		// Otherwise the SDK got its token elsewhere (c.Get(ctx, path) on
		// a client built with it), where it is the site.
	}
}

// external reports whether fn is declared outside the analysed module:
// in a dependency (an SDK), whose bearer-only helpers are sites where the
// analysed code calls them. Without a module path (GOPATH mode, some
// build systems) a package's module is taken to be its repository root.
func (a *pkgAnalysis) external(fn *types.Func) bool {
	p := fn.Pkg()
	if p == nil || p == a.pkg.Types {
		return false
	}
	if mod := a.pkg.Module; mod != "" {
		return p.Path() != mod && !strings.HasPrefix(p.Path(), mod+"/")
	}
	return repoRoot(p.Path()) != repoRoot(a.pkg.Types.Path())
}

// repoRoot returns the repository root of an import path: for a path
// that begins with a host name, its first two elements, three on hosts
// that serve owner/repository paths (github.com/owner/repo,
// golang.org/x/net); "" for a path without a host (GOPATH's local tree,
// taken as one unit).
func repoRoot(path string) string {
	elems := strings.Split(path, "/")
	if !strings.Contains(elems[0], ".") {
		return ""
	}
	n := 2
	switch elems[0] {
	case "github.com", "gitlab.com", "bitbucket.org", "golang.org":
		n = 3
	}
	return strings.Join(elems[:min(n, len(elems))], "/")
}

// fromSDKCall reports whether e is, directly or through a local variable
// assigned once, the result of a call that passes a token to an SDK's
// bearer-only helper: the token entered the SDK there, and that call is
// the site (openai.NewClientWithConfig(openai.DefaultConfig(key))).
func (a *pkgAnalysis) fromSDKCall(e ast.Expr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, ok := a.pkg.Info.Uses[id].(*types.Var)
		if !ok || v.IsField() || len(a.assigns[v]) != 1 || a.assigns[v][0].rhs == nil || a.assigns[v][0].index > 0 {
			return false
		}
		e = ast.Unparen(a.assigns[v][0].rhs)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
	if fn == nil || !a.external(fn) {
		return false
	}
	cs := a.summary(fn)
	return cs != nil && (cs.Helper != nil && len(cs.Helper.Params) > 0 || cs.Stores != nil && len(cs.Stores.Params) > 0)
}

// passesToken reports whether a call to the helper fn passes the token in
// its arguments (not only through its receiver, which got the token where
// the SDK was given it), as something other than nil or "".
func (a *pkgAnalysis) passesToken(call *ast.CallExpr, fn *types.Func, src *TokenSource, f *fnCtx) bool {
	for _, p := range src.Params {
		arg := argFor(call, fn, p)
		if arg == nil {
			if p >= len(call.Args) {
				continue
			}
			if _, tuple := a.pkg.Info.TypeOf(call.Args[p]).(*types.Tuple); tuple {
				return true // f(g())
			}
			arg = call.Args[p] // variadic: the first
		}
		if isNil(a.pkg.Info, arg) || a.fromSDKCall(arg) {
			continue
		}
		if v := a.eval(arg, f); v.Head == nil && v.Exact && v.Prefix == "" {
			continue
		}
		return true
	}
	return false
}

// verbatimArgs handles the arguments of a call to a helper that writes its
// parameters as the token unchanged: a parameter of f passed there makes f
// write it unchanged too, and a constant passed there is a hard-coded
// credential at the call.
func (a *pkgAnalysis) verbatimArgs(vis *fnVisit, call *ast.CallExpr, fn *types.Func, src *TokenSource) {
	f := vis.f
	for _, p := range src.Verbatim {
		arg := argFor(call, fn, p)
		if arg == nil {
			continue
		}
		av := a.eval(arg, f)
		switch {
		case av.IsParam():
			if i, ok := f.param(av.Head); ok {
				vis.via.add(TokenSource{Verbatim: []int{i}})
			}
		case av.IsConstant() && isCredential(av.Prefix):
			vis.addSite(&Site{Node: call, Value: call, Kind: KindHardCoded, Callee: fn,
				Val: Value{Kind: KindHelper, Origin: call, Helper: fn, Token: arg}, secret: av.Prefix})
			return
		}
	}
}

// adaptedArg looks at argument p of a call of fn, which hands it to the
// token adapter: a parameter passed there makes the caller adapt it too,
// a constant one is a hard-coded credential.
func (a *pkgAnalysis) adaptedArg(vis *fnVisit, call *ast.CallExpr, fn *types.Func, p int) {
	if arg := argFor(call, fn, p); arg != nil {
		a.adapted(vis, call, arg, fn)
	}
}

// adaptedField is adaptedArg for a literal of the token adapter's struct
// type: &auth.StaticProvider{Token: tok}.
func (a *pkgAnalysis) adaptedField(vis *fnVisit, lit *ast.CompositeLit) {
	field := a.cfg.AdapterField(namedOf(a.pkg.Info.TypeOf(lit)))
	if field == "" {
		return
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				a.adapted(vis, lit, kv.Value, nil)
			}
		}
	}
}

// adapted records what the value arg handed to the token adapter is.
func (a *pkgAnalysis) adapted(vis *fnVisit, at, arg ast.Expr, fn *types.Func) {
	f := vis.f
	switch av := a.eval(arg, f); {
	case av.Head != nil && av.Exact && av.Prefix == "":
		if i, ok := f.param(av.Head); ok && !slices.Contains(vis.s.Adapts, i) {
			vis.s.Adapts = append(vis.s.Adapts, i)
		}
	case av.Head == nil && av.Exact && isCredential(av.Prefix):
		vis.addSite(&Site{Node: at, Value: at, Kind: KindHardCoded, Callee: fn,
			Val: Value{Kind: KindHelper, Origin: at, Helper: fn, Token: arg}})
	}
}

// siteKind is the category of a site with bearer value v.
func siteKind(v Value) Kind {
	if v.HardCoded() {
		return KindHardCoded
	}
	return v.Kind
}

// record adds what a function holds to the result; s is its summary (nil
// if empty).
func (a *pkgAnalysis) record(f *fnCtx, s *FuncSummary, vis *fnVisit, r *Result) {
	sites, calls := vis.sites, vis.calls
	var task *Avail // needed for sites and calls only
	if len(sites) > 0 || len(calls) > 0 || len(vis.reroutes) > 0 || vis.migrated {
		task = a.findAvail(f, a.isTask)
	}
	var provider *Avail
	if len(sites) > 0 {
		provider = a.findAvail(f, func(t types.Type) bool { return a.providerMethodOf(t) != nil })
	}
	for _, site := range sites {
		site.Task, site.Provider = task, provider
		r.Sites = append(r.Sites, site)
	}
	if s != nil && s.Helper != nil {
		r.Helpers = append(r.Helpers, &Helper{Decl: f.decl, Obj: f.obj, Summary: s, Generated: f.gen, Returns: vis.rets})
	}
	if task == nil {
		return
	}
	for _, call := range calls {
		if slices.ContainsFunc(sites, func(s *Site) bool { return s.Node.Pos() <= call.Pos() && call.End() <= s.Node.End() }) {
			continue // reported by bearerheader at the site
		}
		if a.derivesFromTask(call, f, task) {
			continue
		}
		fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
		r.TaskCalls = append(r.TaskCalls, &TaskCall{Call: call, Callee: fn, Task: task, Func: f.decl, FuncObj: f.obj, Generated: f.gen})
	}
	for _, call := range vis.reroutes {
		if a.derivesFromTask(call, f, task) {
			continue
		}
		fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
		r.TaskCalls = append(r.TaskCalls, &TaskCall{Call: call, Callee: fn, Task: task, Func: f.decl, FuncObj: f.obj, Generated: f.gen, Reroute: a.reroute(fn)})
	}
	if !vis.migrated {
		return
	}
	for _, call := range vis.providerCalls { // a migrated site's provider
		if a.derivesFromTask(call, f, task) {
			continue
		}
		fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
		r.TaskCalls = append(r.TaskCalls, &TaskCall{Call: call, Callee: fn, Task: task, Func: f.decl, FuncObj: f.obj, Generated: f.gen, Reroute: &Reroute{Provider: true}})
	}
}

// recordReturn adds the string results of a return statement to returned. A return
// that also returns a non-nil error does not return a value.
func (a *pkgAnalysis) recordReturn(f *fnCtx, ret *ast.ReturnStmt, returned [][]ast.Expr) {
	res := f.obj.Signature().Results()
	if len(ret.Results) != res.Len() {
		return // bare return, or return g()
	}
	last := res.Len() - 1
	if last > 0 && isErrorType(res.At(last).Type()) && !isNil(a.pkg.Info, ret.Results[last]) {
		return
	}
	for i, e := range ret.Results {
		if isString(res.At(i).Type()) {
			returned[i] = append(returned[i], e)
		}
	}
}

// visitPackageLevel finds sinks in package-level declarations.
func (a *pkgAnalysis) visitPackageLevel(file *ast.File, r *Result) {
	gen := classify(a.pkg.Fset, file) == generatedFile
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		ast.Inspect(gd, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			var fn *types.Func
			if call, ok := n.(*ast.CallExpr); ok {
				fn, _ = typeutil.Callee(a.pkg.Info, call).(*types.Func)
			}
			for _, sk := range a.sinks(n, fn) {
				if !isAuthorizationKey(a.keyValue(sk, nil)) {
					continue
				}
				for _, v := range sk.values {
					if val := a.valueOf(sk, v, nil); val.IsBearer() {
						r.Sites = append(r.Sites, &Site{Node: sk.node, Value: v, Key: sk.key, Val: val, Kind: siteKind(val), File: file, Generated: gen})
					}
				}
			}
			return true
		})
	}
}

// relevant reports whether a function result is worth recording: a bearer
// value, the Authorization key, the Bearer scheme itself, a provider's value,
// or one led by a parameter (a scheme or a pass-through).
func relevant(v Value) bool {
	return v.IsBearer() || isAuthorizationKey(v) || v.Provider || v.BeginsWithParam() ||
		v.Exact && isBearerText(v.Prefix+" ")
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// errorType is the predeclared type error.
var errorType = types.Universe.Lookup("error").Type()

func isErrorType(t types.Type) bool {
	return types.Identical(t, errorType)
}

func isNil(info *types.Info, e ast.Expr) bool {
	// Only the identifier nil, maybe in parentheses, denotes nil: the map
	// is consulted for nothing else.
	if id, ok := ast.Unparen(e).(*ast.Ident); !ok || id.Name != "nil" {
		return false
	}
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// helperDeps returns what the token a call passes to a helper derives
// from: the arguments in the helper's token positions (its receiver
// included), narrowed to the field that holds the token when the helper
// reads one, so that a caller passing c to a helper whose token is
// c.token passes c.token, a string, not c.
func (a *pkgAnalysis) helperDeps(f *fnCtx, call *ast.CallExpr, fn *types.Func, src *TokenSource) *depSet {
	d := &depSet{}
	add := func(field string, es ...ast.Expr) {
		sub := a.deps(f, es...)
		if field != "" {
			sub.narrow(field)
		}
		d.union(sub)
	}
	for k, p := range src.Params {
		field := ""
		if k < len(src.Names) {
			_, field, _ = strings.Cut(src.Names[k], ".")
		}
		if arg := argFor(call, fn, p); arg != nil {
			add(field, arg)
		} else if p < len(call.Args) {
			add(field, call.Args[p:]...)
		}
	}
	if src.Recv {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			field := ""
			if len(src.Fields) == 1 {
				field = src.Fields[0]
			}
			add(field, sel.X)
		}
	}
	return d
}

// apiToken returns the token expression of a bearer-by-API call: its first
// string argument, else its receiver.
func apiToken(info *types.Info, call *ast.CallExpr) ast.Expr {
	for _, arg := range call.Args {
		if isString(info.TypeOf(arg)) {
			return arg
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}
