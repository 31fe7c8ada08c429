package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/driver"
	"github.com/bearercheck/bearercheck/internal/engine"
	"github.com/bearercheck/bearercheck/internal/inventory"
	"github.com/bearercheck/bearercheck/report"
)

const reportUsage = `usage: bearercheck report [flags] [packages]

Report writes the migration inventory of the packages (default ./...):
the remaining bearer sites grouped by package, file and endpoint, the
bearer-only helpers and their callers, the calls that ignore an agent task,
and "N of M authorization sites migrated (P%%); K of R remaining fixable by
bearercheck -fix". It is also the CI gate: with -baseline,
-require-complete or -min-complete it exits 3 when the gate fails, and names
each site and task call not in the baseline. With -o, the headline and the
gate's outcome still go to standard error.

Flags:
`

// reportFlags are the flags of bearercheck report.
type reportFlags struct {
	fs              *flag.FlagSet
	dir             string
	format          string
	out             string
	baseline        string
	writeBaseline   string
	requireComplete bool
	minComplete     optionalPercent
	tests           bool
	cache           string
	history         string
}

// optionalPercent is a percentage flag that may be unset.
type optionalPercent struct{ p *float64 }

func (o *optionalPercent) String() string {
	if o.p == nil {
		return ""
	}
	return strconv.FormatFloat(*o.p, 'f', -1, 64)
}

func (o *optionalPercent) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	if err != nil || !(v >= 0 && v <= 100) { // NaN too: not a percentage
		return fmt.Errorf("want a percentage from 0 to 100")
	}
	o.p = &v
	return nil
}

func newReportFlags(opts *config.Options) *reportFlags {
	f := &reportFlags{fs: flag.NewFlagSet("bearercheck report", flag.ContinueOnError)}
	fs := f.fs
	fs.StringVar(&f.dir, "C", "", "change to `dir` before doing anything")
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&f.out, "o", "", "write the report to `file` (default: standard output)")
	fs.StringVar(&f.baseline, "baseline", "", "fail on sites and task calls that are not in the baseline `file`")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "write the current sites and task calls to the baseline `file`")
	fs.BoolVar(&f.requireComplete, "require-complete", false, "fail while any site or task call remains")
	fs.Var(&f.minComplete, "min-complete", "fail when less than `P` percent of the authorization sites are migrated")
	fs.StringVar(&f.history, "history", "", "append this run's figures to the history `file` (one JSON line a run) and show the trend")
	fs.BoolVar(&f.tests, "test", true, "load test variants of the packages (their _test.go files are analysed only with -include-tests)")
	cacheFlag(fs, &f.cache)
	opts.RegisterFlags(fs)
	return f
}

// usage prints the usage of report.
func (f *reportFlags) usage(w io.Writer) {
	fmt.Fprintf(w, reportUsage)
	f.fs.SetOutput(w)
	f.fs.PrintDefaults()
	f.fs.SetOutput(io.Discard)
	fmt.Fprintf(w, "\n%s", exitCodes)
}

// runReport is bearercheck report. It returns the exit status.
func runReport(args []string) int {
	opts := config.NewFlagOptions()
	f := newReportFlags(opts)
	if code, ok := parseFlags(f.fs, "bearercheck report", f.usage, args); !ok {
		return code
	}
	if !slices.Contains(report.Formats(), f.format) {
		return usageError("bearercheck report", fmt.Errorf("unknown -format %q (want %s)", f.format, strings.Join(report.Formats(), ", ")))
	}
	fail := func(format string, args ...any) int {
		errorf("report: "+format, args...)
		return exitError
	}
	if f.dir != "" {
		if err := os.Chdir(f.dir); err != nil {
			return fail("-C: %v", err)
		}
	}
	cwd, err := os.Getwd()
	if err != nil {
		return fail("%v", err)
	}
	if _, err := opts.For(cwd); err != nil {
		return fail("%v", err)
	}
	var history []report.HistoryEntry
	if f.history != "" {
		data, err := os.ReadFile(f.history)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fail("-history: %v", err)
		}
		if history, err = report.ReadHistory(bytes.NewReader(data)); err != nil {
			return fail("-history %s: %v", f.history, err)
		}
	}
	gate := report.GateConfig{RequireComplete: f.requireComplete, MinComplete: f.minComplete.p, BaselineFile: f.baseline}
	if f.baseline != "" {
		data, err := os.ReadFile(f.baseline)
		if err != nil {
			return fail("-baseline: %v", err)
		}
		if gate.Baseline, err = report.ReadBaseline(bytes.NewReader(data)); err != nil {
			return fail("-baseline %s: %v", f.baseline, err)
		}
	}

	patterns := f.fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	suite := analyzers.New(opts)
	prog := newProgress(os.Stderr)
	dcfg := driver.Config{
		Patterns:  patterns,
		Tests:     f.tests,
		Analyzers: suite.Reporting(),
		Base:      suite.Base,
		Progress:  prog.update,
		Planned:   engine.SetGCPercent,
		Options:   opts,
		Cache:     f.cache,
	}
	inventory.Keep(&dcfg)
	res, err := driver.Run(dcfg)
	prog.done()
	if err != nil {
		return fail("%v", err)
	}
	for _, w := range res.ConfigWarnings {
		errorf("report: warning: %v", w)
	}
	for _, w := range res.Warnings {
		errorf("report: warning: dependency %s; its importers are analysed with what it declares", strings.TrimPrefix(w.Error(), "package "))
	}
	relErrors(cwd, res)
	if len(res.Errors) > 0 || len(res.ActionErrors) > 0 {
		for _, e := range res.Errors {
			errorf("report: %v", e)
		}
		if len(res.Errors) == 0 {
			for _, e := range res.ActionErrors {
				errorf("report: %v", e)
			}
		}
		return fail("could not analyse every package: no report, and no gate passes")
	}

	inv := report.Build(inventory.Fragments(res), report.Options{Dir: cwd, Tool: report.Tool{Name: "bearercheck", Version: version(), Rules: inventory.Rules(suite)}, Modules: modules(res)})
	if f.history != "" {
		inv.Run = &report.Run{Module: mainModule(res, cwd), Revision: revision(cwd), Date: runDate()}
		inv.History = history
	}
	status := exitOK
	if gate.Enabled() {
		if !report.Check(inv, gate).Passed {
			status = exitFindings
		}
	}
	if f.writeBaseline != "" {
		b := report.NewBaseline(inv)
		if err := writeFile(f.writeBaseline, b.Write); err != nil {
			return fail("-write-baseline: %v", err)
		}
		errorf("report: wrote %s to baseline %s", plural(len(b.Entries), "entry (site or task call)", "entries (sites and task calls)"), f.writeBaseline)
	}
	render := func(w io.Writer) error { return report.Render(w, inv, f.format) }
	if f.out == "" {
		err = render(os.Stdout)
	} else if err = writeFile(f.out, render); err == nil {
		// The report is in a file: the CI log still says what happened.
		err = report.WriteSummary(os.Stderr, inv)
	}
	if err != nil {
		return fail("%v", err)
	}
	if f.history != "" {
		if err := appendHistory(f.history, report.NewHistoryEntry(inv)); err != nil {
			return fail("-history: %v", err)
		}
	}
	return status
}

// plural is "1 thing" or "n things".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// appendHistory appends one entry to the history file, creating it. The
// line is written with one write to a file opened for appending.
func appendHistory(name string, e report.HistoryEntry) error {
	var buf bytes.Buffer
	if err := report.WriteHistoryEntry(&buf, e); err != nil {
		return err
	}
	file, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o666)
	if err != nil {
		return err
	}
	_, err = file.Write(buf.Bytes())
	return errors.Join(err, file.Close())
}

// modules returns the modules of the analysed packages, for naming the
// files outside the working directory.
func modules(res *driver.Result) []report.Module {
	var out []report.Module
	seen := map[string]bool{}
	for _, p := range res.Packages {
		if p.Module != "" && !seen[p.Module] {
			seen[p.Module] = true
			out = append(out, report.Module{Path: p.ModulePath, Version: p.ModuleVersion, Dir: p.Module})
		}
	}
	return out
}

// mainModule returns the path of the module that holds dir, else of the
// module of the first package analysed, "" if unknown.
func mainModule(res *driver.Result, dir string) string {
	first := ""
	for _, m := range modules(res) {
		if rel, err := filepath.Rel(m.Dir, dir); err == nil && filepath.IsLocal(rel) {
			return m.Path
		}
		if first == "" {
			first = m.Path
		}
	}
	return first
}

// revision returns the VCS revision of the tree at dir: git's commit,
// with "-dirty" when tracked files differ from it; "" outside a git
// work tree or without git.
func revision(dir string) string {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return ""
	}
	rev := strings.TrimSpace(string(out))
	if status, err := exec.Command("git", "-C", dir, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(status)) > 0 {
		rev += "-dirty"
	}
	return rev
}

// runDate returns the date of the run in RFC 3339, UTC, to the second:
// now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention).
func runDate() string {
	t := time.Now()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			t = time.Unix(sec, 0)
		}
	}
	return t.UTC().Format(time.RFC3339)
}

// writeFile writes a file through write, replacing it only once it is
// complete: the content goes to a temporary file in the same directory,
// which is renamed over name. A write that fails part-way (a full disk,
// a file size limit) leaves the previous file as it was, so that
// -baseline b.json -write-baseline b.json never loses the baseline.
func writeFile(name string, write func(io.Writer) error) (err error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if info, err := os.Stat(name); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", name)
		}
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	_, werr := tmp.Write(buf.Bytes())
	if err := errors.Join(werr, tmp.Chmod(mode), tmp.Sync(), tmp.Close()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
