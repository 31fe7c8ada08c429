package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/driver"
	"github.com/bearercheck/bearercheck/internal/engine"
	"github.com/bearercheck/bearercheck/internal/inventory"
	"github.com/bearercheck/bearercheck/internal/output"
	"github.com/bearercheck/bearercheck/report"
	"golang.org/x/tools/go/analysis"
)

// runFlags are the flags of a standalone run.
type runFlags struct {
	fs                     *flag.FlagSet
	format                 string
	json, fix, diff, tests bool
	version                bool
	context                int
	cache                  string
	cpuprofile, memprofile string
	trace                  string
	enable                 map[string]*bool
	opts                   *config.Options
}

// lintFormats are the output formats of a standalone run.
var lintFormats = []string{"text", "json", "sarif"}

func newRunFlags(names []string) *runFlags {
	f := &runFlags{fs: flag.NewFlagSet("bearercheck", flag.ContinueOnError), enable: map[string]*bool{}, opts: config.NewFlagOptions()}
	fs := f.fs
	fs.StringVar(&f.format, "format", "text", "print the findings as `text` (file:line:col: message), json (the go/analysis JSON tree) or sarif (SARIF 2.1.0)")
	fs.BoolVar(&f.json, "json", false, "the same as -format json")
	fs.IntVar(&f.context, "c", -1, "print `N` lines of source around each finding (lines holding credentials are redacted)")
	fs.BoolVar(&f.fix, "fix", false, "apply the suggested fixes, then list the findings that remain")
	fs.BoolVar(&f.diff, "diff", false, "print the suggested fixes as a unified diff (for git apply in the module root) instead of applying them")
	fs.BoolVar(&f.tests, "test", true, "load the test variants of the packages too (their _test.go files are analysed only with -include-tests)")
	cacheFlag(fs, &f.cache)
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&f.memprofile, "memprofile", "", "write a memory profile to `file`")
	fs.StringVar(&f.trace, "trace", "", "write an execution trace to `file`")
	fs.BoolVar(&f.version, "V", false, "print the version and exit (-V=full: the go command's cache key)")
	fs.String("C", "", "change to `dir` before running (may appear anywhere among the flags)")
	for _, name := range names {
		f.enable[name] = fs.Bool(name, false, "enable only the "+name+" analyzer (-"+name+"=false: all but it)")
	}
	f.opts.RegisterFlags(fs)
	return f
}

// usage prints the commands and the flags of a standalone run.
func (f *runFlags) usage(w io.Writer) {
	fmt.Fprint(w, commands)
	fmt.Fprintf(w, "\nFlags of the lint mode (the vet and fix tools take the same analyzer\nand configuration flags):\n\n")
	f.fs.SetOutput(w)
	f.fs.PrintDefaults()
	f.fs.SetOutput(io.Discard)
	fmt.Fprintf(w, "\nRun 'bearercheck help' for the analyzers, 'bearercheck report -h' for the report.\n\n%s", exitCodes)
}

// validate rejects flags that contradict each other, and settles -json.
func (f *runFlags) validate() error {
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if f.json {
		if set["format"] && f.format != "json" {
			return fmt.Errorf("-json is -format json, not -format %s: use one", f.format)
		}
		f.format = "json"
	}
	switch {
	case !slices.Contains(lintFormats, f.format):
		return fmt.Errorf("unknown -format %q (want %s)", f.format, strings.Join(lintFormats, ", "))
	case set["include-tests"] && f.opts.Config.IncludeTests && !f.tests:
		return errors.New("-include-tests analyses _test.go files, but -test=false does not load them")
	case f.format != "text" && (f.fix || f.diff):
		return fmt.Errorf("-format %s prints findings, -fix and -diff apply or show fixes: use one", f.format)
	case f.format != "text" && f.context >= 0:
		return fmt.Errorf("-c prints source context in text output; -format %s has none", f.format)
	case len(f.fs.Args()) == 0:
		return errors.New("no packages given (try ./...)")
	}
	for _, arg := range f.fs.Args() {
		if name, _, _ := flagArg(arg); name != "" {
			return fmt.Errorf("flag %s after the packages: flags come first", arg)
		}
	}
	return nil
}

// selected returns the analyzers the enable flags select: those set to
// true if any is, else all but those set to false.
func (f *runFlags) selected(all []*analysis.Analyzer) []*analysis.Analyzer {
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	var on, notOff []*analysis.Analyzer
	for _, a := range all {
		if set[a.Name] && *f.enable[a.Name] {
			on = append(on, a)
		}
		if !set[a.Name] || *f.enable[a.Name] {
			notOff = append(notOff, a)
		}
	}
	if len(on) > 0 {
		return on
	}
	return notOff
}

// standalone is a run of the command on package patterns: every output
// mode (text, json, sarif, -c, -fix, -diff) goes through package output.
func standalone(args []string) int {
	names := []string{}
	for _, a := range analyzers.New(config.NewFlagOptions()).Reporting() {
		names = append(names, a.Name)
	}
	f := newRunFlags(names)
	if code, ok := parseFlags(f.fs, "bearercheck", f.usage, args); !ok {
		return code
	}
	if f.version {
		fmt.Println(versionLine())
		return exitOK
	}
	if err := f.validate(); err != nil {
		return usageError("bearercheck", err)
	}
	stop, err := f.profile()
	if err != nil {
		errorf("%v", err)
		return exitError
	}
	code := f.run()
	if err := stop(); err != nil {
		errorf("%v", err)
		code = max(code, exitError)
	}
	return code
}

// run loads the packages, analyses them and prints the outcome: findings
// (and diffs) on standard output, errors and warnings on standard error.
func (f *runFlags) run() int {
	dir, err := os.Getwd()
	if err != nil {
		errorf("%v", err)
		return exitError
	}
	// Every reporting analyzer runs (they share the base analyzer's
	// work); the output policy selects the findings of those enabled.
	suite := analyzers.New(f.opts)
	var enabled []string
	for _, a := range f.selected(suite.Reporting()) {
		enabled = append(enabled, a.Name)
	}
	// -fix repeats analysis and fixing until nothing is left to fix (at
	// most fixRounds times): a migration fixed in one package changes
	// what the next round offers its callers in other packages.
	for round := 1; ; round++ {
		exit, again := f.round(dir, suite, enabled, round < fixRounds)
		if !again {
			return exit
		}
	}
}

// fixRounds bounds the rounds of -fix.
const fixRounds = 5

// round analyses the packages once and prints, fixes or diffs the
// findings; with more set and -fix given, it reports whether it fixed
// something and another round should run instead of printing.
func (f *runFlags) round(dir string, suite *analyzers.Suite, enabled []string, more bool) (exit int, again bool) {
	// The configuration of every loaded package is validated before
	// analysis: an invalid one is driver.Run's error, and nothing is
	// printed or fixed.
	res, err := driver.Run(driver.Config{
		Patterns:  f.fs.Args(),
		Tests:     f.tests,
		Analyzers: suite.Reporting(),
		Base:      suite.Base, // a root: the output policy reads its results
		Keep: func(p *driver.Package, base *bearercheck.Result) any {
			if base == nil {
				return nil
			}
			return output.NewSecretLines(p.Fset, p.Files, base.Secrets)
		},
		KeepID:  "secret lines",
		Planned: engine.SetGCPercent,
		Options: f.opts,
		Cache:   f.cache,
	})
	if err != nil {
		errorf("%v", err)
		return exitError, false
	}
	for _, w := range res.ConfigWarnings {
		errorf("warning: %v", w)
	}
	exit = exitOK
	relErrors(dir, res)
	if reportLoadErrors(res) {
		exit = exitError
	}
	graph := res.Graph
	findings, errs := output.Collect(graph)
	findings = output.Select(findings, enabled)
	errs = slices.DeleteFunc(errs, func(e *output.ActionError) bool { return !slices.Contains(enabled, e.Analyzer) })
	secrets := output.NewSecrets()
	for _, p := range res.Packages {
		if sl, ok := p.Kept.(output.SecretLines); ok {
			secrets.Add(sl)
		}
	}
	if len(errs) > 0 {
		exit = exitError
	}
	switch f.format {
	case "json":
		err = output.JSON(os.Stdout, findings, errs)
	case "sarif":
		printActionErrors(errs)
		err = writeSARIF(os.Stdout, dir, inventory.Rules(suite), findings)
	}
	if f.format != "text" {
		if err != nil {
			errorf("%v", err)
			return exitError, false
		}
		return exit, false // findings are in the output, as go/analysis drivers' -json
	}
	printActionErrors(errs)
	var fixed *output.Fixes
	stdout := &checkedWriter{w: os.Stdout}
	if f.fix || f.diff {
		if exit != exitOK {
			errorf("not fixing: the errors above must be fixed first")
			return exit, false
		}
		fixes, err := output.ApplyFixes(findings, secrets, f.diff, stdout)
		if err == nil {
			err = stdout.err
		}
		if err != nil {
			errorf("%v", err)
			return exitError, false
		}
		if fixes.Conflicts > 0 {
			errorf("%d fixes overlap others and were not applied: run -fix again", fixes.Conflicts)
		}
		if more && !f.diff && len(fixes.Fixed) > 0 {
			return 0, true
		}
		findings = slices.DeleteFunc(findings, func(x *output.Finding) bool { return fixes.Fixed[x] })
		fixed = fixes
	}
	findingsOut := &checkedWriter{w: os.Stdout}
	if f.diff {
		findingsOut.w = os.Stderr // the diff alone on standard output, for git apply
	}
	text := &output.Text{W: findingsOut, Dir: dir, Context: f.context, Secrets: secrets, Fixed: fixed}
	for _, x := range findings {
		text.Print(x)
	}
	if findingsOut.err != nil {
		errorf("writing the findings: %v", findingsOut.err)
		return exitError, false
	}
	if len(findings) > 0 && exit == exitOK {
		exit = exitFindings
	}
	return exit, false
}

// printActionErrors prints the analyses that failed.
func printActionErrors(errs []*output.ActionError) {
	for _, e := range errs {
		errorf("%s: %s: %v", e.Package, e.Analyzer, e.Err)
	}
}

// writeSARIF writes findings as a SARIF log, built as the report's is.
func writeSARIF(w io.Writer, dir string, rules report.Rules, findings []*output.Finding) error {
	ds := make([]report.Diagnostic, len(findings))
	for i, x := range findings {
		posn := x.Posn()
		ds[i] = report.Diagnostic{
			Analyzer: x.Analyzer,
			Category: x.Category,
			Package:  x.Package,
			File:     filepath.ToSlash(output.RelPath(dir, posn.Filename)),
			Line:     posn.Line,
			Column:   posn.Column,
			Message:  x.Message,
		}
	}
	return report.WriteDiagnosticsSARIF(w, report.Tool{Name: "bearercheck", Version: version(), Rules: rules}, ds)
}

// profile starts the profiles asked for and returns the function that
// writes them.
func (f *runFlags) profile() (stop func() error, err error) {
	var stops []func() error
	stop = func() error {
		var errs []error
		for _, s := range slices.Backward(stops) {
			errs = append(errs, s())
		}
		return errors.Join(errs...)
	}
	if f.cpuprofile != "" {
		out, err := os.Create(f.cpuprofile)
		if err != nil {
			return stop, err
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			out.Close()
			return stop, err
		}
		stops = append(stops, func() error { pprof.StopCPUProfile(); return out.Close() })
	}
	if f.trace != "" {
		out, err := os.Create(f.trace)
		if err != nil {
			return stop, errors.Join(err, stop())
		}
		if err := trace.Start(out); err != nil {
			out.Close()
			return stop, errors.Join(err, stop())
		}
		stops = append(stops, func() error { trace.Stop(); return out.Close() })
	}
	if f.memprofile != "" {
		out, err := os.Create(f.memprofile)
		if err != nil {
			return stop, errors.Join(err, stop())
		}
		stops = append(stops, func() error {
			runtime.GC()
			return errors.Join(pprof.WriteHeapProfile(out), out.Close())
		})
	}
	return stop, nil
}

// reportLoadErrors prints the errors of the packages asked for, and a
// warning naming each broken dependency once. It reports whether a package
// asked for has errors.
func reportLoadErrors(res *driver.Result) bool {
	for _, e := range res.Errors {
		errorf("package %s does not type-check:", e.PkgPath)
		for _, err := range e.Errors {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	for _, w := range res.Warnings {
		more := ""
		if n := len(w.Errors); n > 1 {
			more = fmt.Sprintf(" (and %d more)", n-1)
		}
		errorf("warning: dependency %s does not type-check: %v%s; its importers are analysed with what it declares",
			w.PkgPath, w.Errors[0], more)
	}
	return len(res.Errors) > 0
}

// cacheFlag defines -cache, the flag of the plain run and of report.
func cacheFlag(fs *flag.FlagSet, p *string) {
	fs.StringVar(p, "cache", "", "cache `dir`ectory of earlier runs' results (default the user cache directory; off: none)")
}

// checkedWriter keeps the first error of the writes to w (a full device,
// a closed pipe): output that could not be written is an error of the
// run, never a silent loss.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.err = err
	return n, err
}

// relErrors writes the positions of the errors of the packages asked for
// relative to dir when below it, as findings are printed.
func relErrors(dir string, res *driver.Result) {
	for _, e := range append(slices.Clone(res.Errors), res.Warnings...) {
		for i := range e.Errors {
			e.Errors[i].Pos = output.RelPosn(dir, e.Errors[i].Pos)
		}
	}
}
