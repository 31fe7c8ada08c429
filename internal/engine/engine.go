// Package engine is bearercheck's analysis driver: it runs go/analysis
// analyzers over packages in dependency order and lets go of each
// package's syntax and type information as soon as its analyzers have
// run and its facts are recorded.
//
// go/analysis/checker, driven by packages.Load(LoadAllSyntax), parses and
// type-checks every package of the program up front and keeps all of it
// until the end: peak memory is the whole program's syntax trees and
// types.Info. Here a package is parsed and type-checked when its imports
// are done, analysed, and dropped; what stays is its *types.Package (its
// importers are type-checked against it), its facts, and its diagnostics.
// Peak memory is then the types of the program plus the syntax of the
// packages in flight (one per worker).
//
// The result is a checker.Graph of the same shape checker.Analyze returns
// (one action per analyzer and package, the same Deps, errors and
// diagnostics), so that it prints exactly as the standard driver's does.
//
// Semantics are the checker's (TestEquivalence runs both, with the
// suite, x/tools' printf and a probe of package and object facts, cold,
// warm and after edits): files are parsed as go/packages parses them,
// object resolution (ast.Object) included; analyzers that declare fact
// types run on every dependency; an action whose prerequisite failed
// fails; only roots keep their Result. A pass sees its own facts, the
// facts of its direct imports about objects they may export, and those of
// indirect imports about types, constants, fields and methods (the
// checker's exportedFrom, applied at each import edge), through
// ImportObjectFact and AllObjectFacts, whether the imports were analysed
// in this run or restored from the cache; and every dependency's package
// facts. One thing differs: facts about objects an importer cannot name
// are not passed to importers — objects declared in a function body (they
// have no object path) and unexported declarations that the package's
// export data does not contain (an unexported type its exported API does
// not mention, its methods). A cache entry names objects by object path
// and its importers may see the package through its export data, so
// those facts could not be restored; the engine drops them in every run,
// so that a warm run sees what a cold run sees. go vet (unitchecker) and
// gopls, which pass facts between packages the same way, drop them too;
// the checker's exportedFrom is its own over-approximation of export
// data. Facts restored from the cache are decoded copies (gob), as with
// the checker's SanityCheck option.
//
// With a cache, a package's entry is stored under a key of its own
// inputs (files, configuration, analyzers), with a hash of what it
// observed of its imports: their summaries. A summary hashes what
// importers can observe of a package — its declarations as export data
// has them (with their positions), whether it type-checks, the facts
// importers may see, and its own imports' summaries — as gopls's analysis
// driver keys its entries. A body-only edit that changes none of these
// re-analyses the edited package only: its importers' entries still hold.
package engine

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"net/url"
	"os"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// LoadMode is what the engine asks go list for: metadata only. Syntax and
// types are made by the engine, one package at a time.
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// Config says what to analyse.
type Config struct {
	// Analyzers run on every package of Roots; those they require run
	// too, and analyzers that declare facts run on every dependency.
	Analyzers []*analysis.Analyzer
	// Roots are packages loaded with (at least) LoadMode.
	Roots []*packages.Package
	// Keep, when set, is called for each root package once its analyzers
	// have run, while its syntax and type information are alive, with
	// its actions (their Results and Diagnostics); what it returns is
	// Result.Kept[pkg], and with a Cache it is stored with the package's
	// entry: it must then be gob-encodable, its type registered with
	// gob.Register (a value that is not is not cached, and the package is
	// analysed again by the next run). The actions' Results are then
	// dropped; without Keep, roots keep their Results, and with them
	// their syntax, as checker.Analyze does. Keep is called from several
	// goroutines.
	Keep func(pkg *packages.Package, actions []*checker.Action) any
	// Cache, when set, holds what earlier runs computed: a package whose
	// files and configuration are unchanged, and whose imports are
	// unchanged as it observes them (their export data and facts), is
	// not analysed again, and its diagnostics, errors and facts come
	// from the cache.
	Cache *Cache
	// Salt is hashed into every cache key: the tool's build (ToolID)
	// and the configuration that applies to every package.
	Salt []byte
	// PackageSalt, when set, returns what else the analysis of a package
	// depends on (its configuration file, say). A package for which it
	// fails is analysed every time.
	PackageSalt func(pkg *packages.Package) ([]byte, error)
	// NeedTypes, when set, says which packages the caller needs the
	// Types of even when the cache makes them unnecessary.
	NeedTypes func(pkg *packages.Package) bool
	// Done, when set, is called each time a package is finished, with the
	// number finished and the total. It is called from several goroutines.
	Done func(finished, total int)
	// Workers is the number of packages processed at once;
	// GOMAXPROCS when zero.
	Workers int
	// Planned, when set, is told how many packages will be analysed from
	// source for certain (the rest come from the cache, or are only
	// type-checked, or are analysed because what they import changed for
	// them), before any is.
	Planned func(analyse, total int)
}

// Result is the outcome of Analyze.
type Result struct {
	// Graph has the shape checker.Analyze gives it.
	Graph *checker.Graph
	// Kept holds what Config.Keep returned for each root package.
	Kept map[*packages.Package]any
	// Analysed, Typed, Read and Cached count the packages analysed from
	// source, and those taken from the cache: type-checked from source
	// (declarations only, for an importer or NeedTypes), with their types
	// read from cached export data (for an importer), and not loaded.
	Analysed, Typed, Read, Cached int
}

// Analyze parses, type-checks and analyses the roots and their
// dependencies in dependency order. The packages of the graph are given
// Fset, Errors and IllTyped as packages.Load(LoadAllSyntax) would give
// them, and, when they were loaded in this run, Types and TypeErrors;
// their Syntax and TypesInfo are nil again when Analyze returns.
func Analyze(cfg Config) (*Result, error) {
	if err := analysis.Validate(cfg.Analyzers); err != nil {
		return nil, err
	}
	e := &engine{
		cfg:      cfg,
		fset:     token.NewFileSet(),
		nodes:    map[*packages.Package]*node{},
		byTypes:  map[*types.Package]*node{},
		byPath:   map[string]*types.Package{},
		exact:    map[token.Pos]token.Pos{},
		parsed:   map[string]*parsedFile{},
		requires: map[*analysis.Analyzer][]*analysis.Analyzer{},
	}
	roots := e.build()
	e.nodeByPath = map[string]*node{}
	for _, n := range e.order {
		if exportable(n.pkg) {
			e.nodeByPath[n.pkg.PkgPath] = n
		}
	}
	if cfg.Cache != nil {
		e.plan()
	} else {
		for _, n := range e.order {
			n.mode = full
		}
	}
	if cfg.Planned != nil {
		analyse := 0
		for _, n := range e.order {
			if n.mode == full {
				analyse++
			}
		}
		cfg.Planned(analyse, len(e.order))
	}
	e.run()
	res := &Result{Graph: &checker.Graph{Roots: roots}, Kept: e.kept}
	for _, n := range e.order {
		switch {
		case n.mode == full:
			res.Analysed++
		case n.typesFrom == fromSource:
			res.Typed++
		case n.typesFrom == fromExport:
			res.Read++
		default:
			res.Cached++
		}
	}
	return res, nil
}

type engine struct {
	cfg   Config
	fset  *token.FileSet
	order []*node // dependencies first
	nodes map[*packages.Package]*node

	mu      sync.RWMutex
	byTypes map[*types.Package]*node // a package's types → its node
	// byPath holds the types of the packages that are not test variants
	// (exportable), by path: the imports of export data.
	byPath     map[string]*types.Package
	nodeByPath map[string]*node // exportable nodes by path

	posMu sync.Mutex
	exact map[token.Pos]token.Pos // see exactPos

	parseMu sync.Mutex
	parsed  map[string]*parsedFile // shared by a package and its test variant

	requires map[*analysis.Analyzer][]*analysis.Analyzer

	namesOnce sync.Once
	names     map[string]*analysis.Analyzer

	keptMu sync.Mutex
	kept   map[*packages.Package]any
}

func (e *engine) keep(pkg *packages.Package, v any) {
	e.keptMu.Lock()
	defer e.keptMu.Unlock()
	if e.kept == nil {
		e.kept = map[*packages.Package]any{}
	}
	e.kept[pkg] = v
}

// node is one package and its actions.
type node struct {
	pkg     *packages.Package
	root    bool
	imports []*node
	actions []*action // in an order where requirements come first

	// lazyFacts are the cached facts of a node restored from the cache,
	// looked up by object path (see lazyFact).
	lazyFacts []factEntry

	// A restored node's types, when something needs them (ensureTypes).
	typesOnce sync.Once
	typesFrom typesFrom

	// depSet is n and its transitive imports while n is analysed (see
	// depsOf).
	depSet map[*node]bool

	// full is the package type-checked with its function bodies, while
	// it is loaded for analysis (see load); nil otherwise.
	full *types.Package

	// While scheduling (see run).
	importers []*node // nodes that import this one
	needTypes int     // imports not yet type-checked (or restored)
	needDone  int     // imports not yet finished
	loaded    bool    // a full node is type-checked

	// Facts, by analyzer: after the node is finished, only those its
	// importers may see (see encodeFacts).
	objectFacts  map[*analysis.Analyzer]map[objectFactKey]analysis.Fact
	packageFacts map[*analysis.Analyzer]map[reflect.Type]analysis.Fact

	// With a cache.
	listErrs     int    // errors go list reported (the rest are the engine's)
	key          Key    // hashes the package's own inputs (keyOf)
	cacheable    bool   // the key says all the analysis depends on
	entry        *entry // what the cache holds under key, if intact
	mode         mode
	depsHash     []byte // the summaries of its imports (depsHash)
	summary      []byte // what importers observe of it (summarize)
	hasExport    bool   // a restored node has cached export data
	encodedFacts []factEntry
	factsEncoded bool // encodedFacts are all its facts importers see
}

type action struct {
	*checker.Action
	node *node
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

type parsedFile struct {
	once  sync.Once
	file  *ast.File
	err   error
	users int // packages that have not yet let go of it
}

// build makes the nodes and the action graph, in the shape
// checker.Analyze gives it, and returns the root actions.
func (e *engine) build() []*checker.Action {
	type key struct {
		a   *analysis.Analyzer
		pkg *packages.Package
	}
	actions := map[key]*action{}
	var mk func(a *analysis.Analyzer, pkg *packages.Package) *action
	mk = func(a *analysis.Analyzer, pkg *packages.Package) *action {
		k := key{a, pkg}
		if act, ok := actions[k]; ok {
			return act
		}
		act := &action{Action: &checker.Action{Analyzer: a, Package: pkg}, node: e.nodeOf(pkg)}
		for _, req := range a.Requires {
			act.Deps = append(act.Deps, mk(req, pkg).Action)
		}
		if len(a.FactTypes) > 0 {
			paths := make([]string, 0, len(pkg.Imports))
			for path := range pkg.Imports {
				paths = append(paths, path)
			}
			sort.Strings(paths)
			for _, path := range paths {
				act.Deps = append(act.Deps, mk(a, pkg.Imports[path]).Action)
			}
		}
		actions[k] = act
		act.node.actions = append(act.node.actions, act)
		return act
	}
	var roots []*checker.Action
	for _, a := range e.cfg.Analyzers {
		for _, pkg := range e.cfg.Roots {
			root := mk(a, pkg)
			root.IsRoot = true
			e.nodeOf(pkg).root = true
			roots = append(roots, root.Action)
		}
	}
	// Every package of the program is type-checked, whether or not an
	// action runs on it: its importers need its types.
	for pkg := range packages.Postorder(e.cfg.Roots) {
		n := e.nodeOf(pkg)
		e.order = append(e.order, n)
		for _, imp := range pkg.Imports {
			in := e.nodeOf(imp)
			n.imports = append(n.imports, in)
			in.importers = append(in.importers, n)
		}
		n.listErrs = len(pkg.Errors)
		for _, f := range pkgFiles(pkg) {
			if pf := e.parsed[f]; pf != nil {
				pf.users++
			} else {
				e.parsed[f] = &parsedFile{users: 1}
			}
		}
	}
	return roots
}

// types returns the package the analysis of n sees: the one with
// function bodies while it is loaded.
func (n *node) types() *types.Package {
	if n.full != nil {
		return n.full
	}
	return n.pkg.Types
}

func (e *engine) nodeOf(pkg *packages.Package) *node {
	n := e.nodes[pkg]
	if n == nil {
		n = &node{
			pkg:          pkg,
			objectFacts:  map[*analysis.Analyzer]map[objectFactKey]analysis.Fact{},
			packageFacts: map[*analysis.Analyzer]map[reflect.Type]analysis.Fact{},
		}
		e.nodes[pkg] = n
	}
	return n
}

func pkgFiles(pkg *packages.Package) []string {
	if pkg.PkgPath == "unsafe" {
		return nil
	}
	return pkg.CompiledGoFiles
}

// A task is one step of a node: a node the cache says all about is
// restored; a pending node is decided (then restored, or loaded); a full
// node is loaded (parsed and type-checked), then analysed.
type task struct {
	n    *node
	kind taskKind
}

type taskKind int

const (
	restoreTask taskKind = iota // mode skip
	decideTask                  // mode pending, once its imports are finished
	loadTask                    // mode full: parse and type-check
	analyseTask                 // mode full: run the actions, record the facts, let go of the syntax
)

// run processes the nodes on the workers, as a pipeline: a package is
// type-checked as soon as its imports are (it needs their types), and
// analysed once it is type-checked and its imports are analysed (it needs
// their facts). So a package is type-checked while its imports are still
// being analysed, and a chain of packages keeps every worker busy. At most
// workers+1 packages hold their syntax at once: loading waits while that
// many are loaded and not yet analysed, and analysing (which lets syntax
// go) comes first. A pending package waits for its imports to finish:
// their summaries decide whether its entry holds.
func (e *engine) run() {
	workers := e.cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	limit := workers + 1
	total := len(e.order)
	var (
		mu       sync.Mutex
		cond     = sync.NewCond(&mu)
		ready    []task // restore, decide and analyse tasks: they need no memory
		loads    []task // load tasks, run while fewer than limit hold syntax
		held     int    // nodes loaded (or loading) and not yet let go
		finished int
	)
	// A node starts once its imports are typed — a node restored from
	// the cache too, so that its types, if an importer needs them, are
	// made after those of every package they may refer to.
	start := func(n *node) {
		switch n.mode {
		case skip:
			ready = append(ready, task{n, restoreTask})
		case full:
			loads = append(loads, task{n, loadTask})
		}
	}
	// The functions below are called with mu held.
	analysable := func(n *node) {
		if n.mode == full && n.loaded && n.needDone == 0 {
			ready = append(ready, task{n, analyseTask})
		}
	}
	finishedImports := func(n *node) {
		if n.mode == pending {
			ready = append(ready, task{n, decideTask})
		} else {
			analysable(n)
		}
	}
	for _, n := range e.order {
		n.needTypes = len(n.imports)
		n.needDone = len(n.imports)
		if n.needTypes == 0 {
			start(n)
		}
		if n.needDone == 0 && n.mode == pending {
			finishedImports(n)
		}
	}
	typed := func(n *node) {
		for _, imp := range n.importers {
			if imp.needTypes--; imp.needTypes == 0 {
				start(imp)
			}
		}
	}
	done := func(n *node) {
		finished++
		if e.cfg.Done != nil {
			e.cfg.Done(finished, total)
		}
		for _, imp := range n.importers {
			if imp.needDone--; imp.needDone == 0 {
				finishedImports(imp)
			}
		}
		if finished == total {
			cond.Broadcast()
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			for {
				var t task
				switch {
				case len(ready) > 0:
					t, ready = ready[0], ready[1:]
				case len(loads) > 0 && held < limit:
					t, loads = loads[0], loads[1:]
					held++
				case finished == total:
					return
				default:
					cond.Wait()
					continue
				}
				mu.Unlock()
				e.step(t, func() {
					// A full load's declarations are type-checked.
					mu.Lock()
					typed(t.n)
					cond.Broadcast()
					mu.Unlock()
				})
				mu.Lock()
				switch {
				case t.kind == restoreTask || t.kind == decideTask && t.n.mode == skip:
					typed(t.n)
					done(t.n)
				case t.kind == decideTask:
					loads = append(loads, task{t.n, loadTask})
				case t.kind == loadTask:
					t.n.loaded = true
					analysable(t.n)
				default:
					held--
					done(t.n)
				}
				cond.Broadcast()
			}
		}()
	}
	wg.Wait()
}

// step runs one task; a full load calls typed once the package's
// types are ready for its importers.
func (e *engine) step(t task, typed func()) {
	n := t.n
	switch t.kind {
	case decideTask:
		e.decide(n)
		if n.mode != skip {
			return
		}
		fallthrough
	case restoreTask:
		e.restore(n)
		n.lazyFacts = n.entry.Facts
		n.hasExport = n.entry.HasExport
		n.entry = nil
		if e.cfg.NeedTypes != nil && e.cfg.NeedTypes(n.pkg) {
			e.ensureTypes(n, true)
		}
	case loadTask:
		for _, imp := range n.imports {
			e.ensureTypes(imp, false)
		}
		e.load(n, false, typed)
	default:
		e.analyse(n)
	}
}

// analyse runs a loaded package's actions, records its facts and
// results, then lets go of its syntax and type information.
func (e *engine) analyse(n *node) {
	// Its imports are finished: whether they type-check is known.
	illTyped := len(n.pkg.Errors) > 0
	for _, imp := range n.pkg.Imports {
		illTyped = illTyped || imp.IllTyped
	}
	n.pkg.IllTyped = illTyped
	acts := make([]*checker.Action, len(n.actions))
	for i, act := range n.actions {
		e.exec(act)
		acts[i] = act.Action
	}
	var kept any
	if n.root && e.cfg.Keep != nil {
		kept = e.cfg.Keep(n.pkg, acts)
		e.keep(n.pkg, kept)
	}
	var export []byte
	if e.cfg.Cache != nil {
		n.depsHash = depsHash(n)
		export = e.exportData(n)
	}
	e.encodeFacts(n, export)
	e.summarize(n)
	n.full = nil
	if e.cfg.Cache != nil && n.cacheable && n.depsHash != nil {
		e.store(n, n.root && e.cfg.Keep != nil, kept, export)
	}
	n.encodedFacts, n.depSet = nil, nil
	for _, act := range n.actions {
		if !act.IsRoot || e.cfg.Keep != nil {
			act.Result = nil
		}
	}
	if n.root && e.cfg.Keep == nil {
		return // results hold the syntax
	}
	e.release(n)
}

// release lets go of a package's syntax and type information.
func (e *engine) release(n *node) {
	n.pkg.Syntax, n.pkg.TypesInfo = nil, nil
	e.parseMu.Lock()
	defer e.parseMu.Unlock()
	for _, f := range pkgFiles(n.pkg) {
		if pf := e.parsed[f]; pf != nil {
			pf.users--
			if pf.users == 0 {
				delete(e.parsed, f)
			}
		}
	}
}

// parse parses a file once for all the packages that include it (a
// package and its test variant).
func (e *engine) parse(filename string) (*ast.File, error) {
	e.parseMu.Lock()
	pf := e.parsed[filename]
	if pf == nil {
		pf = &parsedFile{}
	}
	e.parseMu.Unlock()
	pf.once.Do(func() {
		src, err := os.ReadFile(filename)
		if err != nil {
			pf.err = err
			return
		}
		// As go/packages parses (with object resolution: analyzers may
		// read ast.Ident.Obj; gopls too parses without it, then resolves
		// objects before analysis, see parsego.File.Resolve).
		const mode = parser.AllErrors | parser.ParseComments
		pf.file, pf.err = parser.ParseFile(e.fset, filename, src, mode)
	})
	return pf.file, pf.err
}

// load parses and type-checks a package as go/packages does; shallow, it
// type-checks declarations only, for an importer, and records no errors
// (they come from the cache).
//
// A package that others import is type-checked twice: first its
// declarations only (function bodies skipped), which is the package its
// importers are type-checked against and the one that stays once it is
// analysed, so that function bodies' scopes and local objects do not
// outlive their package's analysis; typed is called then, so that
// importers may be type-checked while this package still is. Then the
// whole package, against the same imports, for its analysis (n.full).
func (e *engine) load(n *node, shallow bool, typed func()) {
	lpkg := n.pkg
	lpkg.Fset = e.fset
	if lpkg.PkgPath == "unsafe" {
		lpkg.Types = types.Unsafe
		lpkg.Syntax = []*ast.File{}
		lpkg.TypesInfo = newTypesInfo()
		e.registerTypes(n, typed)
		return
	}
	appendError := func(err error) {
		var errs []packages.Error
		switch err := err.(type) {
		case packages.Error:
			errs = append(errs, err)
		case *os.PathError:
			errs = append(errs, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, err := range err {
				errs = append(errs, packages.Error{Pos: err.Pos.String(), Msg: err.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			lpkg.TypeErrors = append(lpkg.TypeErrors, err)
			errs = append(errs, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			errs = append(errs, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
		lpkg.Errors = append(lpkg.Errors, errs...)
	}
	var files []*ast.File
	for _, name := range lpkg.CompiledGoFiles {
		f, err := e.parse(name)
		if err != nil && !shallow {
			appendError(err)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	lpkg.Syntax = files
	check := func(bodies bool, info *types.Info, errorf func(error)) (*types.Package, error) {
		tc := &types.Config{
			IgnoreFuncBodies: !bodies,
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if path == "unsafe" {
					return types.Unsafe, nil
				}
				if ipkg := lpkg.Imports[path]; ipkg != nil && ipkg.Types != nil {
					return ipkg.Types, nil
				}
				return nil, fmt.Errorf("no metadata for %s", path)
			}),
			Error: errorf,
			Sizes: lpkg.TypesSizes,
		}
		if lpkg.Module != nil && lpkg.Module.GoVersion != "" {
			tc.GoVersion = "go" + lpkg.Module.GoVersion
		}
		pkg := types.NewPackage(lpkg.PkgPath, lpkg.Name)
		return pkg, types.NewChecker(tc, e.fset, pkg, info).Files(files)
	}
	ignore := func(error) {}
	if shallow || len(n.importers) > 0 {
		lpkg.Types, _ = check(false, nil, ignore)
		e.registerTypes(n, typed)
		if shallow {
			return
		}
	}
	lpkg.TypesInfo = newTypesInfo()
	full, typErr := check(true, lpkg.TypesInfo, appendError)
	n.full = full
	if len(n.importers) == 0 {
		lpkg.Types = full
		e.registerTypes(n, typed)
	}
	if typErr != nil && len(lpkg.Errors) == 0 && len(files) > 0 {
		if msg := typErr.Error(); strings.HasPrefix(msg, "package requires newer Go version") {
			appendError(types.Error{Fset: e.fset, Pos: files[0].Package, Msg: msg})
		}
	}
	if typErr != nil && len(lpkg.Errors) == 0 {
		appendError(typErr)
	}
}

// registerTypes records that n.pkg.Types is n's, and calls typed.
func (e *engine) registerTypes(n *node, typed func()) {
	e.mu.Lock()
	e.byTypes[n.pkg.Types] = n
	if exportable(n.pkg) {
		e.byPath[n.pkg.PkgPath] = n.pkg.Types
	}
	e.mu.Unlock()
	if typed != nil {
		typed()
	}
}

// readExport gives a restored node its types from its export data (see
// ensureTypes), and reports whether it could be read.
func (e *engine) readExport(n *node, data []byte) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	pkg, err := gcexportdata.Read(bytes.NewReader(data), e.fset, e.byPath, n.pkg.PkgPath)
	if err != nil {
		delete(e.byPath, n.pkg.PkgPath)
		return false
	}
	n.pkg.Types = pkg
	n.pkg.Fset = e.fset
	e.byTypes[pkg] = n
	return true
}

// lazyFact looks up an object fact of a node restored from the cache,
// by object path, in its cached facts (sorted by analyzer, path and
// type: see encodeFacts).
func (e *engine) lazyFact(dep *node, obj types.Object, a *analysis.Analyzer, ptr analysis.Fact) bool {
	path, err := objectpath.For(obj)
	if err != nil {
		return false
	}
	fe, ok := lookupFact(dep, a, path, ptr)
	if !ok || gob.NewDecoder(bytes.NewReader(fe.Data)).Decode(ptr) != nil {
		return false
	}
	e.exactPos(dep, obj.Pos(), fe)
	return true
}

// lazyPackageFact looks up a package fact of a node restored from the
// cache.
func (e *engine) lazyPackageFact(dep *node, a *analysis.Analyzer, ptr analysis.Fact) bool {
	fe, ok := lookupFact(dep, a, "", ptr)
	return ok && gob.NewDecoder(bytes.NewReader(fe.Data)).Decode(ptr) == nil
}

func lookupFact(dep *node, a *analysis.Analyzer, path objectpath.Path, ptr analysis.Fact) (factEntry, bool) {
	typ := slices.IndexFunc(a.FactTypes, func(f analysis.Fact) bool { return reflect.TypeOf(f) == reflect.TypeOf(ptr) })
	i, ok := slices.BinarySearchFunc(dep.lazyFacts, factEntry{Analyzer: a.Name, Path: path, Type: typ}, compareFacts)
	if !ok {
		return factEntry{}, false
	}
	return dep.lazyFacts[i], true
}

// decodeFact decodes a cached fact of analyzer a; nil if it cannot.
func decodeFact(a *analysis.Analyzer, fe factEntry) analysis.Fact {
	if fe.Type < 0 || fe.Type >= len(a.FactTypes) {
		return nil
	}
	fact := reflect.New(reflect.TypeOf(a.FactTypes[fe.Type]).Elem()).Interface().(analysis.Fact)
	if gob.NewDecoder(bytes.NewReader(fe.Data)).Decode(fact) != nil {
		return nil
	}
	return fact
}

// exactPos records where an object whose types came from export data is
// declared: export data keeps the line of a position, not its column, so
// a diagnostic's related information at such an object (a helper, say)
// would print otherwise than in a run that type-checks it from source.
// The recorded position is a file of its own whose one offset prints as
// the declaration (as restoreFiles does); exec's Report uses it.
func (e *engine) exactPos(dep *node, fake token.Pos, fe factEntry) {
	if dep.typesFrom != fromExport || fe.File == "" || !fake.IsValid() {
		return
	}
	e.posMu.Lock()
	defer e.posMu.Unlock()
	if _, ok := e.exact[fake]; ok || fe.Pos.Offset < 0 || fe.Pos.Offset > fe.Size {
		return
	}
	tf := e.fset.AddFile(fe.File, -1, fe.Size)
	tf.AddLineColumnInfo(fe.Pos.Offset, fe.Pos.Name, fe.Pos.Line, fe.Pos.Column)
	e.exact[fake] = tf.Pos(fe.Pos.Offset)
}

// exactOf returns the exact position recorded for p by exactPos.
func (e *engine) exactOf(p token.Pos) (token.Pos, bool) {
	e.posMu.Lock()
	defer e.posMu.Unlock()
	q, ok := e.exact[p]
	return q, ok
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// exec runs one action, as checker's Action.execOnce does.
func (e *engine) exec(act *action) {
	var failed []string
	for _, dep := range act.Deps {
		if dep.Err != nil {
			failed = append(failed, dep.String())
		}
	}
	if failed != nil {
		sort.Strings(failed)
		act.Err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return
	}
	inputs := map[*analysis.Analyzer]any{}
	for _, dep := range act.Deps {
		if dep.Package == act.Package {
			inputs[dep.Analyzer] = dep.Result
		}
	}
	pkg := act.Package
	n := act.node
	module := &analysis.Module{}
	if mod := pkg.Module; mod != nil {
		module = &analysis.Module{Path: mod.Path, Version: mod.Version, GoVersion: mod.GoVersion}
		if mod.Error != nil {
			module.Error = &analysis.ModuleError{Err: mod.Error.Err}
		}
	}
	a := act.Analyzer
	own := n.objectFacts[a]
	if own == nil && len(a.FactTypes) > 0 {
		own = map[objectFactKey]analysis.Fact{}
		n.objectFacts[a] = own
	}
	ownPkg := n.packageFacts[a]
	if ownPkg == nil && len(a.FactTypes) > 0 {
		ownPkg = map[reflect.Type]analysis.Fact{}
		n.packageFacts[a] = ownPkg
	}
	self := n.types()
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         pkg.Fset,
		Files:        pkg.Syntax,
		OtherFiles:   pkg.OtherFiles,
		IgnoredFiles: pkg.IgnoredFiles,
		Pkg:          self,
		TypesInfo:    pkg.TypesInfo,
		TypesSizes:   pkg.TypesSizes,
		TypeErrors:   pkg.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report: func(d analysis.Diagnostic) {
			for i, r := range d.Related {
				if p, ok := e.exactOf(r.Pos); ok {
					d.Related[i].Pos = p
				}
			}
			act.Diagnostics = append(act.Diagnostics, d)
		},
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			if obj == nil {
				panic("nil object")
			}
			if obj.Pkg() == self {
				return getFact(own[objectFactKey{obj, factType(ptr)}], ptr)
			}
			dep := e.nodeOfTypes(obj.Pkg())
			if dep == nil || !e.visible(n, dep, obj) {
				return false
			}
			if dep.lazyFacts != nil {
				return e.lazyFact(dep, obj, a, ptr)
			}
			return getFact(dep.objectFacts[a][objectFactKey{obj, factType(ptr)}], ptr)
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != self {
				panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package", a, pkg, obj, fact))
			}
			own[objectFactKey{obj, factType(fact)}] = fact
		},
		ImportPackageFact: func(p *types.Package, ptr analysis.Fact) bool {
			if p == nil {
				panic("nil package")
			}
			if p == self {
				return getFact(ownPkg[factType(ptr)], ptr)
			}
			dep := e.nodeOfTypes(p)
			if dep == nil || !e.depsOf(n)[dep] {
				return false
			}
			if dep.lazyFacts != nil {
				return e.lazyPackageFact(dep, a, ptr)
			}
			return getFact(dep.packageFacts[a][factType(ptr)], ptr)
		},
		ExportPackageFact: func(fact analysis.Fact) {
			ownPkg[factType(fact)] = fact
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return e.allObjectFacts(n, a, own) },
		AllPackageFacts: func() []analysis.PackageFact { return e.allPackageFacts(n, a, self, ownPkg) },
	}
	pass.ReadFile = func(filename string) ([]byte, error) {
		if !slices.Contains(pass.OtherFiles, filename) && !slices.Contains(pass.IgnoredFiles, filename) &&
			!slices.ContainsFunc(pass.Files, func(f *ast.File) bool { return pass.Fset.File(f.FileStart).Name() == filename }) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", filename)
		}
		return os.ReadFile(filename)
	}
	act.Result, act.Err = func() (any, error) {
		if pkg.IllTyped && !a.RunDespiteErrors {
			return nil, errors.New("analysis skipped due to errors in package")
		}
		result, err := a.Run(pass)
		if err != nil {
			return nil, err
		}
		if got, want := reflect.TypeOf(result), a.ResultType; got != want {
			return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
				pass.Pkg.Path(), pass.Analyzer, got, want)
		}
		for i := range act.Diagnostics {
			url, err := resolveURL(a, act.Diagnostics[i])
			if err != nil {
				return nil, err
			}
			act.Diagnostics[i].URL = url
		}
		return result, nil
	}()
	pass.ExportObjectFact, pass.ExportPackageFact = nil, nil
}

func (e *engine) nodeOfTypes(p *types.Package) *node {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.byTypes[p]
}

// getFact copies a fact found (v, non-nil) into ptr.
func getFact(v, ptr analysis.Fact) bool {
	if v == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
	return true
}

// depsOf returns n and its transitive imports. It is called by the
// analysis of n only, and kept until n is analysed.
func (e *engine) depsOf(n *node) map[*node]bool {
	if n.depSet == nil {
		n.depSet = map[*node]bool{}
		var visit func(*node)
		visit = func(d *node) {
			if !n.depSet[d] {
				n.depSet[d] = true
				for _, imp := range d.imports {
					visit(imp)
				}
			}
		}
		visit(n)
	}
	return n.depSet
}

// visible reports whether the analysis of n sees a fact about obj, an
// object of dep, as go/analysis/checker decides it: a package inherits
// the facts of its imports about objects they may export (exportedFrom),
// and passes them on to its own importers under the same rule. So the
// facts about a direct import's objects that it may export are visible;
// those about the objects of an indirect one, when they may be exported
// from any package (types, constants, fields and methods).
func (e *engine) visible(n, dep *node, obj types.Object) bool {
	if !e.depsOf(n)[dep] {
		return false
	}
	if slices.Contains(n.imports, dep) {
		return exportedFrom(obj, dep.types())
	}
	return exportedFrom(obj, nil)
}

// allObjectFacts is Pass.AllObjectFacts: the facts of the analysis of n
// and those of its dependencies it sees (see visible).
func (e *engine) allObjectFacts(n *node, a *analysis.Analyzer, own map[objectFactKey]analysis.Fact) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	for k, f := range own {
		out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
	}
	for _, d := range e.deps(n) {
		if d == n {
			continue
		}
		if d.lazyFacts == nil {
			for k, f := range d.objectFacts[a] {
				if e.visible(n, d, k.obj) {
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
			continue
		}
		for _, fe := range d.lazyFacts {
			if fe.Analyzer != a.Name || fe.Path == "" {
				continue
			}
			e.ensureTypes(d, false)
			obj, err := objectpath.Object(d.pkg.Types, fe.Path)
			if err != nil || !e.visible(n, d, obj) {
				continue
			}
			if fact := decodeFact(a, fe); fact != nil {
				e.exactPos(d, obj.Pos(), fe)
				out = append(out, analysis.ObjectFact{Object: obj, Fact: fact})
			}
		}
	}
	return out
}

// allPackageFacts is Pass.AllPackageFacts: the package facts of the
// analysis of n and of all its dependencies, as with the checker.
func (e *engine) allPackageFacts(n *node, a *analysis.Analyzer, self *types.Package, own map[reflect.Type]analysis.Fact) []analysis.PackageFact {
	var out []analysis.PackageFact
	for _, f := range own {
		out = append(out, analysis.PackageFact{Package: self, Fact: f})
	}
	for _, d := range e.deps(n) {
		if d == n {
			continue
		}
		if d.lazyFacts == nil {
			for _, f := range d.packageFacts[a] {
				out = append(out, analysis.PackageFact{Package: d.pkg.Types, Fact: f})
			}
			continue
		}
		for _, fe := range d.lazyFacts {
			if fe.Analyzer == a.Name && fe.Path == "" {
				if fact := decodeFact(a, fe); fact != nil {
					e.ensureTypes(d, false)
					out = append(out, analysis.PackageFact{Package: d.pkg.Types, Fact: fact})
				}
			}
		}
	}
	return out
}

// deps returns n and its transitive imports, dependencies first.
func (e *engine) deps(n *node) []*node {
	set := e.depsOf(n)
	out := make([]*node, 0, len(set))
	for _, d := range e.order {
		if set[d] {
			out = append(out, d)
		}
	}
	return out
}

func factType(fact analysis.Fact) reflect.Type {
	t := reflect.TypeOf(fact)
	if t.Kind() != reflect.Pointer {
		panic(fmt.Sprintf("invalid Fact type: got %T, want pointer", fact))
	}
	return t
}

// exportedFrom reports whether obj may be visible to a package that
// imports pkg: go/analysis/checker's over-approximation of export data.
// With pkg nil, it reports whether obj may be visible from any package.
func exportedFrom(obj types.Object, pkg *types.Package) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Exported() && obj.Pkg() == pkg || obj.Signature().Recv() != nil
	case *types.Var:
		return obj.IsField() || obj.Pkg() == pkg
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// resolveURL is driverutil.ResolveURL: a diagnostic's URL, relative to
// its analyzer's.
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	raw := d.URL
	if d.URL == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %s", raw, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %s", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}
