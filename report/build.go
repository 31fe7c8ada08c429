package report

import (
	"cmp"
	"math"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Options say how Build presents the inventory.
type Options struct {
	// Dir is the directory file names are made relative to (when they
	// are below it); "" keeps them absolute.
	Dir  string
	Tool Tool
	// Modules are the modules of the analysed packages: a file outside
	// Dir in one of them is named module@version/path, as the go command
	// names module files, rather than by its absolute path.
	Modules []Module
}

// Module is a module of the analysed packages.
type Module struct {
	Path    string // module path
	Version string // "" for a main module
	Dir     string // root directory
}

// Build joins the fragments of the analysed packages (test variants
// included: a site found in a package and in its test variant counts
// once) into the inventory: endpoints reached through helpers are
// resolved across packages, callers are attached to helpers, and the
// figures are counted.
func Build(frags []*Fragment, opts Options) *Inventory {
	j := newJoin(frags)
	inv := &Inventory{
		SchemaVersion: SchemaVersion,
		Tool:          opts.Tool,
		Packages:      []Package{},
		Helpers:       []Helper{},
		TaskCalls:     []TaskCall{},
	}
	rel := func(file string) string { return displayFile(opts, file) }

	sitesOf := func(in []FragmentSite, ends bool) []Site {
		out := make([]Site, 0, len(in))
		for _, fs := range in {
			s := fs.Site
			s.File = rel(s.File)
			s.Endpoints = []string{}
			if ends {
				s.Endpoints = j.siteEndpoints(fs.Func)
			}
			value := s.Value
			if fs.Credential != "" {
				value += "\x00" + fs.Credential // a swapped credential is a new site
			}
			s.Fingerprint = fingerprint(s.Package, s.Function, s.Kind, j.own(fs.Func), value)
			out = append(out, s)
		}
		sortSites(out)
		disambiguate(out, func(s *Site) *string { return &s.Fingerprint })
		return out
	}
	for _, path := range j.paths {
		m := j.pkgs[path]
		p := Package{
			Path:     path,
			Sites:    sitesOf(m.Sites, true),
			Migrated: sitesOf(m.Migrated, true),
			Ignored:  sitesOf(m.Ignored, true),
		}
		for _, w := range m.Wrappers {
			w.File = rel(w.File)
			inv.Wrappers = append(inv.Wrappers, w)
		}
		if len(p.Sites)+len(p.Migrated)+len(p.Ignored)+len(m.Helpers)+len(m.TaskCalls)+len(m.Wrappers) == 0 {
			continue // nothing to say about this package
		}
		for _, h := range m.Helpers {
			hh := h.Helper
			hh.File = rel(hh.File)
			hh.Callers = []Caller{}
			ends := j.siteEndpoints(h.Key)
			for _, c := range j.callsTo[h.Key] {
				cc := c.Caller
				cc.File = rel(cc.File)
				cc.Endpoints = j.callEndpoints(c)
				ends = union(ends, cc.Endpoints)
				hh.Callers = append(hh.Callers, cc)
			}
			slices.SortFunc(hh.Callers, func(a, b Caller) int {
				return cmpPos(a.Package, a.File, a.Line, a.Column, b.Package, b.File, b.Line, b.Column)
			})
			hh.Endpoints = ends
			hh.Fingerprint = fingerprint(hh.Package, hh.Function, "helper", []string{h.Key, hh.Token}, "")
			inv.Helpers = append(inv.Helpers, hh)
		}
		var tasks []TaskCall
		for _, t := range m.TaskCalls {
			tc := t.TaskCall
			tc.File = rel(tc.File)
			tc.Endpoints = []string{}
			for _, c := range j.callsTo[t.CalleeKey] {
				if c.File == t.File && c.Line == t.Line && c.Column == t.Column {
					tc.Endpoints = j.callEndpoints(c)
				}
			}
			if len(tc.Endpoints) == 0 {
				tc.Endpoints = j.siteEndpoints(t.CalleeKey)
			}
			tc.Fingerprint = fingerprint(tc.Package, tc.Function, "ignored-task", []string{t.CalleeKey, tc.Task}, "")
			tasks = append(tasks, tc)
		}
		slices.SortFunc(tasks, func(a, b TaskCall) int {
			return cmpPos(a.Package, a.File, a.Line, a.Column, b.Package, b.File, b.Line, b.Column)
		})
		disambiguate(tasks, func(t *TaskCall) *string { return &t.Fingerprint })
		inv.TaskCalls = append(inv.TaskCalls, tasks...)
		p.Summary = summarize(p, len(m.Helpers), len(tasks))
		p.Summary.Wrappers = len(m.Wrappers)
		inv.Packages = append(inv.Packages, p)
	}
	slices.SortFunc(inv.Helpers, func(a, b Helper) int {
		return cmpPos(a.Package, a.File, a.Line, a.Column, b.Package, b.File, b.Line, b.Column)
	})
	slices.SortFunc(inv.Wrappers, func(a, b Wrapper) int {
		return cmpPos(a.Package, a.File, a.Line, a.Column, b.Package, b.File, b.Line, b.Column)
	})
	for _, p := range inv.Packages {
		inv.Summary.add(p.Summary)
	}
	inv.Summary.percent()
	return inv
}

// summarize counts a package's figures.
func summarize(p Package, helpers, tasks int) Summary {
	s := Summary{
		Migrated:  len(p.Migrated),
		Remaining: len(p.Sites),
		Ignored:   len(p.Ignored),
		Helpers:   helpers,
		TaskCalls: tasks,
	}
	for _, site := range p.Sites {
		if site.Generated {
			s.Generated++
		}
		if site.FixAction != "" || site.Fix != "" {
			s.Fixable++
		}
	}
	s.percent()
	return s
}

func (s *Summary) add(t Summary) {
	s.Migrated += t.Migrated
	s.Remaining += t.Remaining
	s.Ignored += t.Ignored
	s.Generated += t.Generated
	s.Helpers += t.Helpers
	s.TaskCalls += t.TaskCalls
	s.Fixable += t.Fixable
	s.Wrappers += t.Wrappers
}

// percent sets Total and Percent: 100*Migrated/Total rounded down to one
// decimal (so that 100 means complete), 100 when there is nothing to
// migrate.
func (s *Summary) percent() {
	s.Total = s.Migrated + s.Remaining
	if s.Total == 0 {
		s.Percent = 100
		return
	}
	s.Percent = math.Floor(1000*float64(s.Migrated)/float64(s.Total)) / 10
}

// join is the fragments merged by package, with the indexes that resolve
// endpoints across packages.
type join struct {
	paths   []string
	pkgs    map[string]*Fragment
	funcs   map[string]FuncEndpoints
	callsTo map[string][]FragmentCall
	helpers map[string]bool
	via     map[string][]string
}

func newJoin(frags []*Fragment) *join {
	j := &join{
		pkgs:    map[string]*Fragment{},
		funcs:   map[string]FuncEndpoints{},
		callsTo: map[string][]FragmentCall{},
		helpers: map[string]bool{},
		via:     map[string][]string{},
	}
	type posKey struct {
		file      string
		line, col int
		what      string
	}
	seen := map[posKey]bool{}
	first := func(file string, line, col int, what string) bool {
		k := posKey{file, line, col, what}
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	for _, f := range frags {
		if f == nil || strings.HasSuffix(f.Package, ".test") {
			continue // the generated test main
		}
		m := j.pkgs[f.Package]
		if m == nil {
			m = &Fragment{Package: f.Package}
			j.pkgs[f.Package] = m
			j.paths = append(j.paths, f.Package)
		}
		for _, s := range f.Sites {
			if first(s.File, s.Line, s.Column, "site "+s.Kind) {
				m.Sites = append(m.Sites, s)
			}
		}
		for _, s := range f.Migrated {
			if first(s.File, s.Line, s.Column, "migrated") {
				m.Migrated = append(m.Migrated, s)
			}
		}
		for _, s := range f.Ignored {
			if first(s.File, s.Line, s.Column, "ignored "+s.Kind) {
				m.Ignored = append(m.Ignored, s)
			}
		}
		for _, h := range f.Helpers {
			if !j.helpers[h.Key] {
				j.helpers[h.Key] = true
				m.Helpers = append(m.Helpers, h)
			}
		}
		for _, c := range f.Calls {
			if first(c.File, c.Line, c.Column, "call "+c.Callee) {
				j.callsTo[c.Callee] = append(j.callsTo[c.Callee], c)
			}
		}
		for _, t := range f.TaskCalls {
			if first(t.File, t.Line, t.Column, "task "+t.CalleeKey) {
				m.TaskCalls = append(m.TaskCalls, t)
			}
		}
		for _, w := range f.Wrappers {
			if first(w.File, w.Line, w.Column, "wrapper") {
				m.Wrappers = append(m.Wrappers, w)
			}
		}
		for k, e := range f.Funcs {
			j.funcs[k] = e
		}
	}
	slices.Sort(j.paths)
	return j
}

// own returns the paths a function requests itself.
func (j *join) own(fn string) []string {
	return sorted(j.funcs[fn].Paths)
}

// viaParams returns the paths a function requests through its path
// parameters: what its callers pass, transitively.
func (j *join) viaParams(fn string) []string {
	if ends, ok := j.via[fn]; ok {
		return ends // done, or in progress (a cycle): nil
	}
	j.via[fn] = nil
	var ends []string
	if j.funcs[fn].Params {
		for _, c := range j.callsTo[fn] {
			ends = union(ends, c.Paths)
			if c.Through {
				ends = union(ends, j.viaParams(c.From))
			}
		}
	}
	j.via[fn] = ends
	return ends
}

// siteEndpoints returns the endpoints of the requests a function makes:
// its own, those its callers pass as its path parameters, and, when it
// makes none itself (it only sets the header of a request its caller
// built), its callers' own.
func (j *join) siteEndpoints(fn string) []string {
	if fn == "" {
		return []string{}
	}
	ends := union(j.own(fn), j.viaParams(fn))
	if len(ends) == 0 {
		for _, c := range j.callsTo[fn] {
			ends = union(ends, j.own(c.From))
		}
	}
	return ends
}

// callEndpoints returns the endpoints reached through one call: the paths
// it passes (its callers', when it passes its own parameter on), the
// callee's own paths, and the calling function's own requests.
func (j *join) callEndpoints(c FragmentCall) []string {
	ends := union(c.Paths, j.own(c.Callee))
	if c.Through {
		ends = union(ends, j.viaParams(c.From))
	}
	return union(ends, j.own(c.From))
}

// union returns the sorted union of a and b, never nil.
func union(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	out = append(append(out, a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func sorted(xs []string) []string { return union(xs, nil) }

// displayFile names a file for people: relative to opts.Dir when below it;
// else, in a module fetched by the go command, module@version/path, as the
// go command names module files; else (another main module of a
// workspace) relative to opts.Dir, ../other/x.go; else as it is.
func displayFile(opts Options, file string) string {
	if opts.Dir == "" {
		return filepath.ToSlash(file)
	}
	if r, err := filepath.Rel(opts.Dir, file); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	var in *Module
	for i, m := range opts.Modules {
		if r, err := filepath.Rel(m.Dir, file); err == nil && filepath.IsLocal(r) && (in == nil || len(m.Dir) > len(in.Dir)) {
			in = &opts.Modules[i]
		}
	}
	switch {
	case in != nil && in.Version != "":
		r, _ := filepath.Rel(in.Dir, file)
		return in.Path + "@" + in.Version + "/" + filepath.ToSlash(r)
	case in != nil:
		if r, err := filepath.Rel(opts.Dir, file); err == nil {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(file)
}

// External reports whether a file name of the inventory is outside the
// module the report was made in: an absolute path, or module@version/path.
func External(file string) bool {
	if filepath.IsAbs(file) || strings.HasPrefix(file, "/") {
		return true
	}
	dir, _ := path.Split(file)
	return strings.HasPrefix(file, "../") || strings.Contains(dir, "@")
}

func cmpPos(pa, fa string, la, ca int, pb, fb string, lb, cb int) int {
	return cmp.Or(cmp.Compare(pa, pb), cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb))
}

func sortSites(ss []Site) {
	slices.SortFunc(ss, func(a, b Site) int {
		return cmp.Or(cmpPos(a.Package, a.File, a.Line, a.Column, b.Package, b.File, b.Line, b.Column), cmp.Compare(a.Kind, b.Kind))
	})
}
