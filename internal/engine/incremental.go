package engine

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// What a node needs in this run.
type mode int

const (
	skip    mode = iota // its cache entry says all there is to say: restored
	pending             // it has an entry for its own inputs: restored if its imports' summaries are those the entry was computed with, else analysed
	full                // parse, type-check and analyse
)

// entry is what the cache holds for a package, under the key of its own
// inputs (ownKey): what it was computed from of its imports (DepsHash)
// says whether it holds for this run.
type entry struct {
	// DepsHash hashes the summaries of the imports the entry was
	// computed with (see depsHash).
	DepsHash []byte
	// Summary hashes what importers can observe of the package: its
	// export data, its facts, whether it is ill-typed, and the summaries
	// of its imports (see summarize).
	Summary  []byte
	Errors   []packages.Error
	IllTyped bool
	Facts    []factEntry   // object facts, and package facts (Path "")
	Actions  []actionEntry // every action that ran on the package
	HasKept  bool          // Kept is the Keep value of a package asked for
	Kept     *keptValue    // nil when Keep returned nil
	// HasExport says that the export data (gcexportdata) of the
	// package's declarations is stored under exportKey.
	HasExport bool
}
type factEntry struct {
	Analyzer string
	Type     int // index in Analyzer.FactTypes
	Path     objectpath.Path
	Data     []byte
	// Where the object is declared: export data keeps only lines (see
	// exactPos). File is empty when unknown.
	File string
	Size int // the file's size
	Pos  posEntry
}

type actionEntry struct {
	Analyzer    string
	Err         string
	HasErr      bool
	Diagnostics []diagEntry
	Files       []fileEntry // the files diagnostics refer to
}

// A position as printed: the file's offset, and the (line-directive
// adjusted) position it prints as.
type posEntry struct {
	File   int // index in actionEntry.Files; -1 for no position
	Offset int
	Name   string
	Line   int
	Column int
}

type fileEntry struct {
	Name string
	Size int
}

type diagEntry struct {
	Pos, End       posEntry
	Category       string
	Message        string
	URL            string
	SuggestedFixes []fixEntry
	Related        []relatedEntry
}

type fixEntry struct {
	Message   string
	TextEdits []editEntry
}

type editEntry struct {
	Pos, End posEntry
	NewText  []byte
}

type relatedEntry struct {
	Pos, End posEntry
	Message  string
}

type keptValue struct{ V any }

// ToolID hashes the running executable: a cache entry is only valid for
// the build of bearercheck that wrote it.
func ToolID() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return hashFile(exe)
}

// plan computes the keys of the nodes' own inputs, reads their entries,
// and decides what it can of each node: a node without an entry is
// analysed; one whose imports are all restored is restored if its entry
// was computed with their summaries, else analysed; the others are
// decided once their imports are finished (see decide).
func (e *engine) plan() {
	// Hash the files, in parallel.
	hashes := map[string][]byte{}
	var names []string
	for _, n := range e.order {
		for _, f := range pkgFiles(n.pkg) {
			if _, ok := hashes[f]; !ok {
				hashes[f] = nil
				names = append(names, f)
			}
		}
	}
	var mu sync.Mutex
	parallel(len(names), func(i int) {
		sum, _ := hashFile(names[i])
		mu.Lock()
		hashes[names[i]] = sum
		mu.Unlock()
	})
	for _, n := range e.order {
		n.key, n.cacheable = e.keyOf(n, hashes)
	}
	parallel(len(e.order), func(i int) {
		n := e.order[i]
		if !n.cacheable {
			return
		}
		if data, ok := e.cfg.Cache.Get(n.key); ok {
			var ent entry
			if gob.NewDecoder(bytes.NewReader(data)).Decode(&ent) == nil && e.usable(n, &ent) {
				n.entry = &ent
			}
		}
	})
	for _, n := range e.order {
		switch {
		case n.entry == nil:
			n.mode = full
		case slices.ContainsFunc(n.imports, func(imp *node) bool { return imp.mode != skip }):
			n.mode = pending
		default:
			e.decide(n)
		}
	}
}

// decide decides a node whose imports are all finished (their summaries
// are known): restored if its entry was computed with their summaries,
// else analysed.
func (e *engine) decide(n *node) {
	n.depsHash = depsHash(n)
	if n.entry != nil && n.depsHash != nil && bytes.Equal(n.entry.DepsHash, n.depsHash) {
		n.mode = skip
		n.summary = n.entry.Summary
		return
	}
	n.mode, n.entry = full, nil
}

// depsHash hashes the summaries of n's imports: what its analysis can
// observe of them. It is nil when one is unknown (its facts cannot be
// encoded): n is then not cached.
func depsHash(n *node) []byte {
	h := sha256.New()
	paths := make([]string, 0, len(n.pkg.Imports))
	for path := range n.pkg.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, imp := range n.imports {
		if imp.summary == nil {
			return nil
		}
	}
	for _, path := range paths {
		for _, imp := range n.imports {
			if imp.pkg == n.pkg.Imports[path] {
				fmt.Fprintf(h, "import %q %x\n", path, imp.summary)
			}
		}
	}
	return h.Sum(nil)
}

// summarize hashes what importers can observe of an analysed node, as
// gopls's analysis driver does: its declarations as its export data has
// them (see apiHash; a test variant or a package that does not
// type-check: its own inputs), whether it is ill-typed, the facts
// importers may see, and its imports' summaries (through depsHash). A
// body-only edit that changes none of these leaves the summary, and so
// its importers' entries, as they were.
func (e *engine) summarize(n *node) {
	if n.depsHash == nil || !n.factsEncoded {
		n.summary = nil
		return
	}
	h := sha256.New()
	fmt.Fprintf(h, "deps %x\nill-typed %v\n", n.depsHash, n.pkg.IllTyped)
	if exportable(n.pkg) && !n.pkg.IllTyped {
		e.apiHash(h, n.pkg.Types)
	} else {
		fmt.Fprintf(h, "source %x\n", n.key)
	}
	// A fact's object's position as it prints (not its offset, nor its
	// file's size, which an edit elsewhere in the file changes).
	for _, f := range n.encodedFacts {
		fmt.Fprintf(h, "fact %q %d %q %x %q:%d:%d\n", f.Analyzer, f.Type, f.Path, sha256.Sum256(f.Data), f.Pos.Name, f.Pos.Line, f.Pos.Column)
	}
	n.summary = h.Sum(nil)
}

// apiHash writes what export data holds of a package's own declarations,
// with their positions: every type (an unexported one may be part of the
// API), with its methods, and the exported functions, variables and
// constants. Other packages' objects are named by path and name: a
// change to them is in their own summary. (Hashing the export data itself
// would not do: it copies the declarations of other packages the API
// mentions, with their positions, which differ when those packages were
// read from export data rather than from source.)
func (e *engine) apiHash(w io.Writer, pkg *types.Package) {
	qual := func(p *types.Package) string { return p.Path() }
	write := func(obj types.Object) {
		fmt.Fprintf(w, "%s %s\n", types.ObjectString(obj, qual), e.fset.Position(obj.Pos()))
		if c, ok := obj.(*types.Const); ok {
			fmt.Fprintf(w, "= %s\n", c.Val().ExactString())
		}
	}
	fmt.Fprintf(w, "package %s %s\n", pkg.Path(), pkg.Name())
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		_, isType := obj.(*types.TypeName)
		if !isType && !obj.Exported() {
			continue
		}
		write(obj)
		if t, ok := obj.Type().(*types.Named); ok && isType && !obj.(*types.TypeName).IsAlias() {
			for m := range t.Methods() {
				write(m)
			}
		}
	}
}

// exportKey is where the export data of an entry is stored.
func exportKey(n *node) Key {
	return sha256.Sum256(fmt.Appendf(nil, "export %x %x", n.key, n.depsHash))
}

// exportable reports whether a package's export data is kept: test
// variants share their import path with the package, and are type-checked
// from source.
func exportable(p *packages.Package) bool {
	return !TestVariant(p) && p.PkgPath != "unsafe"
}

// TestVariant reports whether p is a test variant of a package, an
// external test package or a generated test main (go list -test).
func TestVariant(p *packages.Package) bool {
	return p.ID != p.PkgPath || strings.HasSuffix(p.PkgPath, ".test")
}

// compareFacts orders cached facts by analyzer, object path and type: the
// order of an entry's facts, which lazyFact searches.
func compareFacts(x, y factEntry) int {
	return cmp.Or(cmp.Compare(x.Analyzer, y.Analyzer), cmp.Compare(x.Path, y.Path), cmp.Compare(x.Type, y.Type))
}

// hashFile returns the SHA-256 of a file's content, reading it a block
// at a time.
func hashFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// usable reports whether an intact entry has all this run needs of n.
func (e *engine) usable(n *node, ent *entry) bool {
	for _, act := range n.actions {
		if !slices.ContainsFunc(ent.Actions, func(a actionEntry) bool { return a.Analyzer == act.Analyzer.Name }) {
			return false // computed for other analyzers (as a dependency, or with other flags)
		}
	}
	if n.root && e.cfg.Keep != nil && !ent.HasKept {
		return false
	}
	// Facts must name this run's fact types.
	byName := e.analyzersByName()
	for _, f := range ent.Facts {
		a := byName[f.Analyzer]
		if a == nil || f.Type < 0 || f.Type >= len(a.FactTypes) {
			return false
		}
	}
	return true
}

func (e *engine) analyzersByName() map[string]*analysis.Analyzer {
	e.namesOnce.Do(func() {
		e.names = map[string]*analysis.Analyzer{}
		for _, n := range e.order {
			for _, act := range n.actions {
				e.names[act.Analyzer.Name] = act.Analyzer
			}
		}
	})
	return e.names
}

// keyOf hashes n's own inputs: what its analysis reads but its imports
// (their summaries are in the entry: see decide).
func (e *engine) keyOf(n *node, hashes map[string][]byte) (Key, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "salt %x\n", e.cfg.Salt)
	// What an analyzer reports may depend on which others run (the
	// directives it reports, say): the set asked for is part of the key.
	for _, a := range e.cfg.Analyzers {
		fmt.Fprintf(h, "analyzer %q\n", a.Name)
	}
	p := n.pkg
	fmt.Fprintf(h, "pkg %q %q %q\n", p.ID, p.PkgPath, p.Name)
	if p.Module != nil {
		fmt.Fprintf(h, "module %q %q %q\n", p.Module.Path, p.Module.Version, p.Module.GoVersion)
	}
	fmt.Fprintf(h, "sizes %v\n", p.TypesSizes)
	cacheable := true
	for _, f := range pkgFiles(p) {
		sum := hashes[f]
		if sum == nil {
			cacheable = false // unreadable: the run reports it
		}
		fmt.Fprintf(h, "file %q %x\n", f, sum)
	}
	for _, f := range append(slices.Clone(p.OtherFiles), p.IgnoredFiles...) {
		fmt.Fprintf(h, "other %q\n", f)
	}
	if e.cfg.PackageSalt != nil {
		salt, err := e.cfg.PackageSalt(p)
		if err != nil {
			cacheable = false
		}
		fmt.Fprintf(h, "package salt %x %v\n", salt, err)
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		fmt.Fprintf(h, "import %q %q\n", path, p.Imports[path].ID)
	}
	var k Key
	h.Sum(k[:0])
	return k, cacheable
}

func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(n, 8) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

// restore gives a node what its entry says: errors, and for its actions
// their diagnostics and errors.
func (e *engine) restore(n *node) {
	ent := n.entry
	n.pkg.Errors = append(n.pkg.Errors, ent.Errors...)
	n.pkg.IllTyped = ent.IllTyped
	n.pkg.Fset = e.fset
	for _, act := range n.actions {
		i := slices.IndexFunc(ent.Actions, func(a actionEntry) bool { return a.Analyzer == act.Analyzer.Name })
		ae := ent.Actions[i]
		if ae.HasErr {
			act.Err = errors.New(ae.Err)
		}
		files := e.restoreFiles(ae)
		pos := func(p posEntry) token.Pos {
			if p.File < 0 || p.File >= len(files) {
				return token.NoPos
			}
			return files[p.File].Pos(p.Offset)
		}
		for _, d := range ae.Diagnostics {
			diag := analysis.Diagnostic{Pos: pos(d.Pos), End: pos(d.End), Category: d.Category, Message: d.Message, URL: d.URL}
			for _, f := range d.SuggestedFixes {
				fix := analysis.SuggestedFix{Message: f.Message}
				for _, ed := range f.TextEdits {
					fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: pos(ed.Pos), End: pos(ed.End), NewText: ed.NewText})
				}
				diag.SuggestedFixes = append(diag.SuggestedFixes, fix)
			}
			for _, r := range d.Related {
				diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: pos(r.Pos), End: pos(r.End), Message: r.Message})
			}
			act.Diagnostics = append(act.Diagnostics, diag)
		}
	}
	if n.root && e.cfg.Keep != nil {
		var v any
		if ent.Kept != nil {
			v = ent.Kept.V
		}
		e.keep(n.pkg, v)
	}
}

// restoreFiles makes a token.File for each file an action's diagnostics
// refer to, in which each recorded offset prints exactly as it did: a
// line directive at the offset itself says where it is.
func (e *engine) restoreFiles(ae actionEntry) []*token.File {
	byFile := make([][]posEntry, len(ae.Files))
	add := func(p posEntry) {
		if p.File >= 0 && p.File < len(byFile) {
			byFile[p.File] = append(byFile[p.File], p)
		}
	}
	for _, d := range ae.Diagnostics {
		add(d.Pos)
		add(d.End)
		for _, f := range d.SuggestedFixes {
			for _, ed := range f.TextEdits {
				add(ed.Pos)
				add(ed.End)
			}
		}
		for _, r := range d.Related {
			add(r.Pos)
			add(r.End)
		}
	}
	files := make([]*token.File, len(ae.Files))
	for i, fe := range ae.Files {
		tf := e.fset.AddFile(fe.Name, -1, fe.Size)
		ps := byFile[i]
		slices.SortFunc(ps, func(a, b posEntry) int { return cmp.Compare(a.Offset, b.Offset) })
		for _, p := range ps {
			if p.Offset >= 0 && p.Offset <= fe.Size {
				tf.AddLineColumnInfo(p.Offset, p.Name, p.Line, p.Column)
			}
		}
		files[i] = tf
	}
	return files
}

// store writes n's entry, and its export data when it has some, after
// it was analysed.
func (e *engine) store(n *node, hasKept bool, kept any, export []byte) {
	ent := entry{DepsHash: n.depsHash, Summary: n.summary, Errors: n.pkg.Errors[n.listErrs:], IllTyped: n.pkg.IllTyped}
	ent.Facts = n.encodedFacts
	for _, act := range n.actions {
		ae := actionEntry{Analyzer: act.Analyzer.Name}
		if act.Err != nil {
			ae.HasErr, ae.Err = true, act.Err.Error()
		}
		fileIndex := map[*token.File]int{}
		pos := func(p token.Pos) posEntry {
			tf := e.fset.File(p)
			if !p.IsValid() || tf == nil {
				return posEntry{File: -1}
			}
			i, ok := fileIndex[tf]
			if !ok {
				i = len(ae.Files)
				fileIndex[tf] = i
				ae.Files = append(ae.Files, fileEntry{Name: tf.Name(), Size: tf.Size()})
			}
			posn := tf.Position(p)
			return posEntry{File: i, Offset: tf.Offset(p), Name: posn.Filename, Line: posn.Line, Column: posn.Column}
		}
		for _, d := range act.Diagnostics {
			de := diagEntry{Pos: pos(d.Pos), End: pos(d.End), Category: d.Category, Message: d.Message, URL: d.URL}
			for _, f := range d.SuggestedFixes {
				fe := fixEntry{Message: f.Message}
				for _, ed := range f.TextEdits {
					fe.TextEdits = append(fe.TextEdits, editEntry{Pos: pos(ed.Pos), End: pos(ed.End), NewText: ed.NewText})
				}
				de.SuggestedFixes = append(de.SuggestedFixes, fe)
			}
			for _, r := range d.Related {
				de.Related = append(de.Related, relatedEntry{Pos: pos(r.Pos), End: pos(r.End), Message: r.Message})
			}
			ae.Diagnostics = append(ae.Diagnostics, de)
		}
		ent.Actions = append(ent.Actions, ae)
	}
	ent.HasKept = hasKept
	if kept != nil {
		ent.Kept = &keptValue{kept}
	}
	ent.HasExport = export != nil
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&ent); err != nil {
		return // not encodable: not cached
	}
	// A cache that cannot be written is no cache. The export data goes
	// first: an entry that says it has some is only written after it.
	if export != nil && e.cfg.Cache.Put(exportKey(n), export) != nil {
		return
	}
	_ = e.cfg.Cache.Put(n.key, buf.Bytes())
}

// exportData returns the export data of an analysed node's declarations,
// which its importers read in a later run when they are analysed and it
// is not: for a package that others import in this run, is not a test
// variant (they are type-checked from source), and type-checks.
func (e *engine) exportData(n *node) []byte {
	if e.cfg.Cache == nil || len(n.importers) == 0 || !exportable(n.pkg) || n.pkg.IllTyped {
		return nil
	}
	var buf bytes.Buffer
	if gcexportdata.Write(&buf, e.fset, n.pkg.Types) != nil {
		return nil
	}
	return buf.Bytes()
}

// encodeFacts keeps the facts importers may see and encodes them for
// the cache — in every run, cached or not, so that a run that reads facts
// from the cache sees what one that computes them sees. Importers see,
// as with go/analysis/checker, the facts about objects a package may
// export (exportedFrom); of those, the engine keeps the ones about objects
// its importers can name: objects with an object path (not declared in a
// function body) that are in the package's export data (an unexported
// declaration that its exported API does not mention is not). Facts about
// the objects of the package type-checked with its function bodies are
// moved to the same objects of its declarations-only package, the one its
// importers see (see load).
func (e *engine) encodeFacts(n *node, export []byte) {
	enc := new(objectpath.Encoder)
	move := n.full != nil && n.full != n.pkg.Types
	inExport := e.inExport(n, export)
	n.factsEncoded = e.cfg.Cache != nil
	var out []factEntry
	encode := func(a *analysis.Analyzer, typ reflect.Type, fact analysis.Fact) (factEntry, bool) {
		i := slices.IndexFunc(a.FactTypes, func(f analysis.Fact) bool { return reflect.TypeOf(f) == typ })
		var buf bytes.Buffer
		if i < 0 || gob.NewEncoder(&buf).Encode(fact) != nil {
			n.factsEncoded, n.cacheable = false, false
			return factEntry{}, false
		}
		return factEntry{Analyzer: a.Name, Type: i, Data: buf.Bytes()}, true
	}
	for a, facts := range n.objectFacts {
		kept := map[objectFactKey]analysis.Fact{}
		n.objectFacts[a] = kept
		for k, fact := range facts {
			if !exportedFrom(k.obj, n.types()) {
				continue
			}
			path, err := enc.For(k.obj)
			if err != nil || !inExport(path) {
				continue
			}
			if !move {
				kept[k] = fact
			} else if obj, err := objectpath.Object(n.pkg.Types, path); err == nil {
				kept[objectFactKey{obj, k.typ}] = fact
			}
			if !n.factsEncoded {
				continue
			}
			fe, ok := encode(a, k.typ, fact)
			if !ok {
				continue
			}
			fe.Path = path
			if tf := e.fset.File(k.obj.Pos()); tf != nil {
				posn := tf.Position(k.obj.Pos())
				fe.File, fe.Size = tf.Name(), tf.Size()
				fe.Pos = posEntry{Offset: tf.Offset(k.obj.Pos()), Name: posn.Filename, Line: posn.Line, Column: posn.Column}
			}
			out = append(out, fe)
		}
	}
	for a, facts := range n.packageFacts {
		for typ, fact := range facts {
			if !n.factsEncoded {
				continue
			}
			if fe, ok := encode(a, typ, fact); ok {
				out = append(out, fe) // Path "": a package fact
			}
		}
	}
	slices.SortFunc(out, compareFacts)
	n.encodedFacts = out
}

// inExport returns whether the object at a path is in the export data of
// n's declarations. An object whose path starts at an exported name is;
// for the others, the export data is read (written first if needed). A
// package without export data (a test variant, or one that does not
// type-check) is type-checked from source by importers that need it:
// all its objects are there.
func (e *engine) inExport(n *node, export []byte) func(objectpath.Path) bool {
	var pkg *types.Package
	return func(path objectpath.Path) bool {
		root, _, _ := strings.Cut(string(path), ".")
		if token.IsExported(root) || !exportable(n.pkg) || n.pkg.IllTyped {
			return true
		}
		if pkg == nil {
			if export == nil {
				var buf bytes.Buffer
				if gcexportdata.Write(&buf, e.fset, n.pkg.Types) != nil {
					return false
				}
				export = buf.Bytes()
			}
			var err error
			pkg, err = gcexportdata.Read(bytes.NewReader(export), token.NewFileSet(), map[string]*types.Package{}, n.pkg.PkgPath)
			if err != nil {
				return false
			}
		}
		_, err := objectpath.Object(pkg, path)
		return err == nil
	}
}

// Where a restored node's types came from (see ensureTypes).
type typesFrom int

const (
	noTypes    typesFrom = iota
	fromExport           // its cached export data
	fromSource           // its files, declarations only
)

// ensureTypes gives a restored node types when an importer that is
// analysed (or Config.NeedTypes, or an analyzer's AllObjectFacts) needs
// them: its imports' first, so that the packages export data refers to
// are always complete when it is read; then its own, from its cached
// export data, or from source (declarations only) when it has none or
// source is asked for. A node analysed in this run has its types already.
func (e *engine) ensureTypes(n *node, source bool) {
	n.typesOnce.Do(func() {
		if n.mode == full {
			return // type-checked before its importers start
		}
		if n.pkg.PkgPath == "unsafe" {
			n.pkg.Types = types.Unsafe
			e.registerTypes(n, nil)
			return
		}
		for _, imp := range n.imports {
			e.ensureTypes(imp, false)
		}
		if !source && n.hasExport {
			if data, ok := e.cfg.Cache.Get(exportKey(n)); ok && e.readExport(n, data) {
				n.typesFrom = fromExport
				return
			}
		}
		e.load(n, true, nil)
		e.release(n)
		n.typesFrom = fromSource
	})
}
