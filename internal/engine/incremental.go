package engine

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"go/token"
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
	skip     mode = iota // nothing: its cache entry says all there is to say
	exported             // its types from the export data in its entry, its facts looked up there: an importer is type-checked
	shallow              // its types (declarations only, from source) and cached facts: an importer is analysed
	full                 // parse, type-check and analyse
)

// entry is what the cache holds for a package.
type entry struct {
	Errors   []packages.Error
	IllTyped bool
	Facts    []factEntry
	Actions  []actionEntry // every action that ran on the package
	HasKept  bool          // Kept is the Keep value of a package asked for
	Kept     *keptValue    // nil when Keep returned nil
	// Export is the export data (gcexportdata) of the package's
	// declarations, for packages that are not test variants.
	Export []byte
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

// plan computes the keys of the nodes, reads their entries, and decides
// what each node needs.
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
		case e.cfg.NeedTypes != nil && e.cfg.NeedTypes(n.pkg):
			n.mode = shallow
		}
	}
	// What is analysed or type-checked from source needs the types and
	// facts of all it imports: from their export data when their entry
	// has it, else from source (and then their imports' too).
	for i := len(e.order) - 1; i >= 0; i-- {
		if n := e.order[i]; n.mode >= shallow {
			for _, imp := range n.imports {
				if imp.entry != nil && len(imp.entry.Export) > 0 {
					imp.mode = max(imp.mode, exported)
				} else {
					imp.mode = max(imp.mode, shallow)
				}
			}
		}
	}
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

// keyOf hashes what the analysis of n reads.
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
		dep := e.nodes[p.Imports[path]]
		fmt.Fprintf(h, "import %q %x\n", path, dep.key)
		cacheable = cacheable && dep.cacheable
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

// store writes n's entry after it was analysed.
func (e *engine) store(n *node, hasKept bool, kept any) {
	ent := entry{Errors: n.pkg.Errors[n.listErrs:], IllTyped: n.pkg.IllTyped}
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
	if n.exportWanted && exportable(n.pkg) && len(n.pkg.Errors) == 0 {
		var buf bytes.Buffer
		if gcexportdata.Write(&buf, e.fset, n.pkg.Types) == nil {
			ent.Export = buf.Bytes()
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&ent); err != nil {
		return // not encodable: not cached
	}
	_ = e.cfg.Cache.Put(n.key, buf.Bytes()) // a cache that cannot be written is no cache
}

// encodeFacts keeps the facts about objects that can be named across
// address spaces (objectpath), dropping the others — in every run, cached
// or not, so that a run that reads facts from the cache sees what one that
// computes them sees — and encodes them for the cache. Facts about the
// objects of the package type-checked with its function bodies are moved
// to the same objects of its declarations-only package, the one its
// importers see (see load).
func (e *engine) encodeFacts(n *node) {
	enc := new(objectpath.Encoder)
	move := n.full != nil && n.full != n.pkg.Types
	var out []factEntry
	for a, facts := range n.objectFacts {
		kept := map[objectFactKey]analysis.Fact{}
		n.objectFacts[a] = kept
		for k, fact := range facts {
			path, err := enc.For(k.obj)
			if err != nil {
				continue
			}
			if !move {
				kept[k] = fact
			} else if obj, err := objectpath.Object(n.pkg.Types, path); err == nil {
				kept[objectFactKey{obj, k.typ}] = fact
			}
			if e.cfg.Cache == nil || !n.cacheable {
				continue
			}
			typ := slices.IndexFunc(a.FactTypes, func(f analysis.Fact) bool { return reflect.TypeOf(f) == k.typ })
			var buf bytes.Buffer
			if typ < 0 || gob.NewEncoder(&buf).Encode(fact) != nil {
				n.cacheable = false
				continue
			}
			fe := factEntry{Analyzer: a.Name, Type: typ, Path: path, Data: buf.Bytes()}
			if tf := e.fset.File(k.obj.Pos()); tf != nil {
				posn := tf.Position(k.obj.Pos())
				fe.File, fe.Size = tf.Name(), tf.Size()
				fe.Pos = posEntry{Offset: tf.Offset(k.obj.Pos()), Name: posn.Filename, Line: posn.Line, Column: posn.Column}
			}
			out = append(out, fe)
		}
	}
	slices.SortFunc(out, compareFacts)
	n.encodedFacts = out
}

// decodeFacts gives a shallow node the facts its entry holds, about the
// objects of its (declarations-only) types.
func (e *engine) decodeFacts(n *node) {
	byName := e.analyzersByName()
	for _, f := range n.entry.Facts {
		a := byName[f.Analyzer]
		obj, err := objectpath.Object(n.pkg.Types, f.Path)
		if err != nil {
			continue
		}
		t := reflect.TypeOf(a.FactTypes[f.Type])
		fact := reflect.New(t.Elem()).Interface().(analysis.Fact)
		if gob.NewDecoder(bytes.NewReader(f.Data)).Decode(fact) != nil {
			continue
		}
		if n.objectFacts[a] == nil {
			n.objectFacts[a] = map[objectFactKey]analysis.Fact{}
		}
		n.objectFacts[a][objectFactKey{obj, t}] = fact
	}
}
