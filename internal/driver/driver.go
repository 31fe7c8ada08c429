// Package driver loads packages and runs the bearercheck analyzers over
// them with go/analysis/checker. It is shared by the plain run of
// cmd/bearercheck and by `bearercheck report`.
//
// It tells the packages asked for (roots) from their dependencies: a root
// that does not load or type-check is an error, a dependency that does not
// type-check is a warning (its partial facts are kept and its importers
// are analysed). It prints nothing: callers decide how to say it.
package driver

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bearercheck/bearercheck/bearercheck"
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
	// Base is the base analyzer (bearerdetect), whose result per root
	// package Package.Base holds; nil when not needed.
	Base *analysis.Analyzer
	// Progress, when set, is told as loading and analysis advance. It is
	// called from several goroutines.
	Progress func(Progress)
	// Options, when set, is the configuration the analyzers read. The
	// configuration of every loaded package is validated before analysis:
	// an invalid one is Run's error (each problem once), never an error
	// per package or analyzer.
	Options *bearercheck.Options
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
	// TestVariant is set for the test variants of a package, the external
	// test package and the generated test main.
	TestVariant bool
	Fset        *token.FileSet
	// Base is the base analyzer's result (nil when Config.Base is nil or
	// the package has no files).
	Base *bearercheck.Result
	// Diagnostics are the diagnostics of each analyzer, by name.
	Diagnostics map[string][]analysis.Diagnostic
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
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
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
		if res.ConfigWarnings, err = checkConfig(cfg.Options, pkgs); err != nil {
			return nil, err
		}
	}
	res.Errors, res.Warnings = loadErrors(pkgs)

	analyzers := cfg.Analyzers
	if cfg.Base != nil && !slices.Contains(analyzers, cfg.Base) {
		// A root analyzer: the checker keeps only the results of roots.
		analyzers = append(analyzers[:len(analyzers):len(analyzers)], cfg.Base)
	}
	if cfg.Progress != nil {
		total := 0
		for range packages.Postorder(pkgs) {
			total++
		}
		cfg.Progress(Progress{Loaded: true, Total: total})
		analyzers = append(analyzers[:len(analyzers):len(analyzers)], progressAnalyzer(cfg, total))
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		return nil, err
	}
	res.Graph = graph

	byPkg := map[*packages.Package]*Package{}
	var progress *analysis.Analyzer
	if cfg.Progress != nil {
		progress = analyzers[len(analyzers)-1]
	}
	for _, p := range pkgs {
		rp := &Package{
			ID:          p.ID,
			PkgPath:     p.PkgPath,
			Name:        p.Name,
			TestVariant: p.ID != p.PkgPath || strings.HasSuffix(p.PkgPath, ".test"),
			Fset:        p.Fset,
			Diagnostics: map[string][]analysis.Diagnostic{},
		}
		if p.Module != nil {
			rp.Module = p.Module.Dir
		}
		byPkg[p] = rp
		res.Packages = append(res.Packages, rp)
	}
	for act := range graph.All() {
		if act.Err != nil {
			res.ActionErrors = append(res.ActionErrors, fmt.Errorf("%s: %w", act.Analyzer.Name, act.Err))
		}
		rp := byPkg[act.Package]
		if rp == nil || act.Analyzer == progress || !act.IsRoot {
			continue
		}
		if act.Err != nil {
			rp.Errors = append(rp.Errors, act.Err)
		}
		if act.Analyzer == cfg.Base && cfg.Base != nil {
			rp.Base, _ = act.Result.(*bearercheck.Result)
		} else {
			rp.Diagnostics[act.Analyzer.Name] = act.Diagnostics
		}
	}
	return res, nil
}

// checkConfig validates the configuration of every loaded package and
// returns the warnings about allow entries of the roots that match nothing.
func checkConfig(opts *bearercheck.Options, roots []*packages.Package) ([]string, error) {
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
