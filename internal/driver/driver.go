// Package driver loads packages and runs the bearercheck analyzers over
// them with internal/engine (dependency order, each package's syntax let
// go once analysed, an optional cache of earlier runs). It is shared by
// the plain run of cmd/bearercheck and by `bearercheck report`.
//
// It tells the packages asked for (roots) from their dependencies: a root
// that does not load or type-check is an error, a dependency that does not
// type-check is a warning (its partial facts are kept and its importers
// are analysed). It prints nothing: callers decide how to say it.
package driver

import (
	"encoding/json"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/engine"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Config says what to load and which analyzers to run.
type Config struct {
	// Dir is the directory to load from; "" is the current directory.
	Dir string
	// Patterns are the package patterns (./..., import paths).
	Patterns []string
	// Tests loads test variants too (go list -test).
	Tests bool
	// Analyzers are the analyzers to run on the roots (with their
	// requirements, on every package).
	Analyzers []*analysis.Analyzer
	// Base is the base analyzer (bearerdetect), whose result Keep is
	// given; nil when not needed.
	Base *analysis.Analyzer
	// Keep, when set, is called for each root package once it is
	// analysed, while its syntax is alive, with the package (Diagnostics
	// set, Kept not yet) and the base analyzer's result (nil without Base
	// or for a package with no files); what it returns is Package.Kept.
	// Nothing else of the analysis outlives the package's analysis, so
	// that memory holds one package's syntax at a time. With a cache the
	// value is stored with the package's entry: it must be gob-encodable,
	// its type registered with gob.Register, and KeepID must name it.
	// Keep is called from several goroutines.
	Keep func(p *Package, base *bearercheck.Result) any
	// KeepID names what Keep returns: it is part of every cache key, so
	// that runs keeping different things do not read each other's
	// entries.
	KeepID string
	// Progress, when set, is told as loading and analysis advance. It is
	// called from several goroutines.
	Progress func(Progress)
	// Planned, when set, is told how many packages will be analysed from
	// source and how many there are, once loading is done and before
	// analysis starts (engine.Config.Planned).
	Planned func(analyse, total int)
	// Cache is where earlier runs' results are kept: "" the user cache
	// directory (engine.DefaultCacheDir; no cache if it cannot be made),
	// "off" (in any case) none, anything else a directory; one that
	// cannot be made or written is no cache (with a warning).
	Cache string
	// Options, when set, is the configuration the analyzers read. The
	// configuration of every loaded package is validated before analysis:
	// an invalid one is Run's error (each problem once), never an error
	// per package or analyzer; with a
	// cache, each package's configuration is part of its cache key
	// (without Options there is no cache).
	Options *config.Options
}

// Progress is how far a run is.
type Progress struct {
	Loaded   bool // loading is done
	Analysed int  // packages analysed
	Total    int  // packages to analyse (0 while loading)
}

// Result is the outcome of a run.
type Result struct {
	// Graph is the checker's action graph (for printing diagnostics as
	// the go/analysis drivers do).
	Graph *checker.Graph
	// Packages are the root packages, in load order, test variants
	// included (a package and its test variant share PkgPath: a site in a
	// non-test file is found by both; consumers de-duplicate by position).
	Packages []*Package
	// Errors are the load and type errors of root packages: the run
	// could not analyse them. Each names its package.
	Errors []*PackageError
	// Warnings name the dependencies that do not type-check, once each.
	Warnings []*PackageError
	// ActionErrors are the errors of analysis actions (an analyzer
	// failed).
	ActionErrors []error
	// ConfigWarnings name, once each, the allow entries of the packages
	// asked for that name a function or method that does not exist in a
	// loaded package (see Compiled.UnmatchedAllow).
	ConfigWarnings []string
}

// PackageError is a package that does not load or type-check.
type PackageError struct {
	PkgPath string
	ID      string
	Errors  []packages.Error // at least one
}

func (e *PackageError) Error() string {
	more := ""
	if n := len(e.Errors); n > 1 {
		more = fmt.Sprintf(" (and %d more)", n-1)
	}
	what := "does not load"
	if e.Errors[0].Kind == packages.TypeError {
		what = "does not type-check"
	}
	name := e.PkgPath
	if name == "" {
		name = e.ID
	}
	return fmt.Sprintf("package %s %s: %v%s", name, what, e.Errors[0], more)
}

// Package is the outcome for one root package.
type Package struct {
	ID      string // as go list names it: "p", "p [p.test]", "p_test [p.test]"
	PkgPath string
	Name    string
	Module  string // the module's root directory, "" if unknown
	// ModulePath and ModuleVersion name the package's module ("" if
	// unknown; the version is "" for the main modules).
	ModulePath, ModuleVersion string
	// TestVariant is set for the test variants of a package, the external
	// test package and the generated test main.
	TestVariant bool
	Fset        *token.FileSet
	// Kept is what Config.Keep returned for the package.
	Kept any
	// Files are the package's Go files as analysed (CompiledGoFiles).
	Files []string
	// Diagnostics are the diagnostics of each analyzer, by name.
	Diagnostics map[string][]analysis.Diagnostic
	// Results are the results of the root analyzers, by name, while
	// Config.Keep runs (nil after: results hold syntax).
	Results map[string]any
	// Errors are the errors of this package's actions.
	Errors []error
}

// Run loads the packages and analyses them. It returns an error when
// nothing could be analysed: the patterns are invalid or match no package,
// or go list failed. Packages that do not load are in Result.Errors.
func Run(cfg Config) (*Result, error) {
	if len(cfg.Patterns) == 0 {
		return nil, fmt.Errorf("no packages given")
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode:  engine.LoadMode,
		Dir:   cfg.Dir,
		Tests: cfg.Tests,
	}, cfg.Patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(cfg.Patterns, " "))
	}
	if err != nil {
		return nil, err
	}
	res := &Result{}
	if cfg.Options != nil {
		if err := cfg.Options.Check(PackageDirs(pkgs)); err != nil {
			return nil, err
		}
	}

	analyzers := cfg.Analyzers
	if cfg.Base != nil && !slices.Contains(analyzers, cfg.Base) {
		// A root analyzer: only the results of roots are kept.
		analyzers = append(analyzers[:len(analyzers):len(analyzers)], cfg.Base)
	}
	ecfg := engine.Config{
		Analyzers: analyzers,
		Roots:     pkgs,
		// Roots keep nothing but their diagnostics and what cfg.Keep
		// makes of them: their syntax is let go once analysed.
		Keep: func(p *packages.Package, acts []*checker.Action) any {
			if cfg.Keep == nil {
				return nil
			}
			rp := newPackage(p)
			var base *bearercheck.Result
			for _, act := range acts {
				if act.Analyzer == cfg.Base {
					base, _ = act.Result.(*bearercheck.Result)
				} else if act.IsRoot {
					rp.Diagnostics[act.Analyzer.Name] = act.Diagnostics
					rp.Results[act.Analyzer.Name] = act.Result
				}
			}
			kept := cfg.Keep(rp, base)
			rp.Results = nil
			return kept
		},
	}
	ecfg.Planned = cfg.Planned
	if cfg.Progress != nil {
		total := 0
		for range packages.Postorder(pkgs) {
			total++
		}
		cfg.Progress(Progress{Loaded: true, Total: total})
		ecfg.Done = func(finished, total int) {
			cfg.Progress(Progress{Loaded: true, Analysed: finished, Total: total})
		}
	}
	cacheWarning := useCache(&ecfg, cfg)
	if ecfg.Cache != nil {
		// checkConfig looks allow entries up in the types of the
		// packages they name: those are type-checked even when cached.
		var allow []string
		for _, p := range pkgs {
			if c, err := cfg.Options.For(packageDir(p)); err == nil {
				allow = append(allow, c.Allow...)
			}
		}
		ecfg.NeedTypes = func(p *packages.Package) bool {
			return slices.ContainsFunc(allow, func(s string) bool { return strings.HasPrefix(s, p.PkgPath) })
		}
	}
	out, err := engine.Analyze(ecfg)
	if err != nil {
		return nil, err
	}
	res.Graph = out.Graph
	// Type errors are known once packages are type-checked.
	res.Errors, res.Warnings = loadErrors(pkgs)
	if cfg.Options != nil {
		if res.ConfigWarnings, err = checkConfig(cfg.Options, pkgs); err != nil {
			return nil, err
		}
	}
	if cacheWarning != "" {
		res.ConfigWarnings = append([]string{cacheWarning}, res.ConfigWarnings...)
	}

	byPkg := map[*packages.Package]*Package{}
	for _, p := range pkgs {
		rp := newPackage(p)
		rp.Kept = out.Kept[p]
		byPkg[p] = rp
		res.Packages = append(res.Packages, rp)
	}
	for act := range out.Graph.All() {
		if act.Err != nil {
			res.ActionErrors = append(res.ActionErrors, fmt.Errorf("%s: %w", act.Analyzer.Name, act.Err))
		}
		rp := byPkg[act.Package]
		if rp == nil || !act.IsRoot {
			continue
		}
		if act.Err != nil {
			rp.Errors = append(rp.Errors, act.Err)
		}
		if act.Analyzer != cfg.Base {
			rp.Diagnostics[act.Analyzer.Name] = act.Diagnostics
		}
	}
	return res, nil
}

// newPackage returns the outcome of a root package, with no diagnostics
// yet.
func newPackage(p *packages.Package) *Package {
	rp := &Package{
		ID:          p.ID,
		PkgPath:     p.PkgPath,
		Name:        p.Name,
		TestVariant: engine.TestVariant(p),
		Fset:        p.Fset,
		Files:       p.CompiledGoFiles,
		Diagnostics: map[string][]analysis.Diagnostic{},
		Results:     map[string]any{},
	}
	if p.Module != nil {
		rp.Module, rp.ModulePath, rp.ModuleVersion = p.Module.Dir, p.Module.Path, p.Module.Version
	}
	return rp
}

// checkConfig validates the configuration of every loaded package and
// returns the warnings about allow entries of the roots that match nothing.
func checkConfig(opts *config.Options, roots []*packages.Package) ([]string, error) {
	if err := opts.Check(PackageDirs(roots)); err != nil {
		return nil, err
	}
	loaded := map[string]*types.Package{}
	for p := range packages.Postorder(roots) {
		if p.Types != nil {
			loaded[p.PkgPath] = p.Types
		}
	}
	var warnings []string
	for _, p := range roots {
		cfg, _ := opts.For(packageDir(p))
		for _, w := range cfg.UnmatchedAllow(loaded) {
			if !slices.Contains(warnings, w) {
				warnings = append(warnings, w)
			}
		}
	}
	return warnings, nil
}

// PackageDirs returns the directory of every package of the import graph
// of roots, in a stable order.
func PackageDirs(roots []*packages.Package) []string {
	var dirs []string
	seen := map[string]bool{}
	for p := range packages.Postorder(roots) {
		if d := packageDir(p); d != "" && !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// packageDir returns the directory of a package's first file.
func packageDir(p *packages.Package) string {
	for _, files := range [][]string{p.CompiledGoFiles, p.GoFiles, p.OtherFiles} {
		if len(files) > 0 {
			return filepath.Dir(files[0])
		}
	}
	return ""
}

// useCache sets up the cache cfg.Cache selects: "off" (in any case) is
// none. A cache directory that cannot be made or written (a regular file,
// a read-only directory) is no cache either: the run goes on without one,
// with a warning when the directory was given with -cache (the default
// one falls back silently).
func useCache(ecfg *engine.Config, cfg Config) (warning string) {
	if strings.EqualFold(cfg.Cache, "off") || cfg.Options == nil {
		return ""
	}
	dir := cfg.Cache
	if dir == "" {
		var err error
		if dir, err = engine.DefaultCacheDir(); err != nil {
			return "" // no user cache directory: no cache
		}
	}
	c, err := engine.OpenCache(dir)
	if err != nil {
		if cfg.Cache == "" {
			return "" // the default directory cannot be made: no cache
		}
		return fmt.Sprintf("-cache %s cannot be used (%v); running without a cache", cfg.Cache, err)
	}
	tool, err := engine.ToolID()
	if err != nil {
		return "" // no way to tell this build's entries from another's
	}
	// What the run keeps of each package is in every key.
	ecfg.Cache = c
	ecfg.Salt = fmt.Appendf(tool, "\x00keep %q", cfg.KeepID)
	ecfg.PackageSalt = func(p *packages.Package) ([]byte, error) {
		// The configuration that applies to the package, as the base
		// analyzer finds it: from the directory of its first file.
		if len(p.CompiledGoFiles) == 0 {
			return nil, nil
		}
		c, err := cfg.Options.For(filepath.Dir(p.CompiledGoFiles[0]))
		if err != nil {
			return nil, err
		}
		return json.Marshal(c)
	}
	return ""
}

// loadErrors returns the errors of the packages asked for, and one
// warning per broken dependency.
func loadErrors(roots []*packages.Package) (errs, warnings []*PackageError) {
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	warned := map[string]bool{}
	for p := range packages.Postorder(roots) {
		if len(p.Errors) == 0 {
			continue
		}
		e := &PackageError{PkgPath: p.PkgPath, ID: p.ID, Errors: p.Errors}
		if isRoot[p] {
			errs = append(errs, e)
			continue
		}
		if !warned[p.PkgPath] {
			warned[p.PkgPath] = true
			warnings = append(warnings, e)
		}
	}
	return errs, warnings
}
