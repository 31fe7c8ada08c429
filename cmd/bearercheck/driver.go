package main

import (
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/internal/driver"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// lintFlags are the flags of a plain run (text or -json). A run that uses
// any other flag (-fix, -diff, -debug, -cpuprofile, -flags, -V, …) or a
// vet unit goes to multichecker.Main instead.
type lintFlags struct {
	fs      *flag.FlagSet
	json    bool
	context int
	tests   bool
	cache   string
	enable  map[string]*bool
}

func newLintFlags(analyzers []*analysis.Analyzer, register func(*flag.FlagSet)) *lintFlags {
	f := &lintFlags{fs: flag.NewFlagSet("bearercheck", flag.ContinueOnError), enable: map[string]*bool{}}
	f.fs.SetOutput(io.Discard)
	f.fs.BoolVar(&f.json, "json", false, "")
	f.fs.IntVar(&f.context, "c", -1, "")
	f.fs.BoolVar(&f.tests, "test", true, "")
	f.fs.StringVar(&f.cache, "cache", "", "")
	for _, a := range analyzers {
		f.enable[a.Name] = f.fs.Bool(a.Name, false, "")
	}
	register(f.fs)
	return f
}

// selected returns the analyzers the enable flags select: those set to
// true if any is, else all but those set to false.
func (f *lintFlags) selected(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	var on, notOff []*analysis.Analyzer
	for _, a := range analyzers {
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

// lint is the plain run: it loads the packages itself so that it can tell
// the packages asked for from their dependencies. A package asked for that
// does not load or type-check is an error; a dependency that does not
// type-check is named once, as a warning, and its importers are analysed
// with what it does declare. Exit status: 0 no findings (or -json), 3
// findings, 1 errors.
func lint(f *lintFlags, opts *bearercheck.Options, suite []*analysis.Analyzer) int {
	patterns := f.fs.Args()
	if len(patterns) == 0 {
		fmt.Fprintln(os.Stderr, "usage: bearercheck [flags] packages (see bearercheck -help)")
		return 1
	}
	selected := f.selected(suite)
	names := make([]string, len(selected))
	for i, a := range selected {
		names[i] = a.Name
	}
	opts.Reporting = analyzers.Findings(names...)
	res, err := driver.Run(driver.Config{
		Patterns:  patterns,
		Tests:     f.tests,
		Analyzers: selected,
		Cache:     f.cache,
		Options:   opts,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "bearercheck:", err)
		return 1
	}
	for _, w := range res.ConfigWarnings {
		fmt.Fprintln(os.Stderr, "bearercheck: warning:", w)
	}
	exit := 0
	if reportLoadErrors(res) {
		exit = 1
	}
	graph := res.Graph
	if f.json {
		if err := graph.PrintJSON(os.Stdout); err != nil {
			return 1
		}
	} else {
		printText(os.Stderr, graph, f.context)
	}
	for act := range graph.All() {
		switch {
		case act.Err != nil:
			exit = 1
		case act.IsRoot && len(act.Diagnostics) > 0 && !f.json && exit == 0:
			exit = 3
		}
	}
	return exit
}

// reportLoadErrors prints the errors of the packages asked for, and a
// warning naming each broken dependency once. It reports whether a package
// asked for has errors.
func reportLoadErrors(res *driver.Result) bool {
	for _, e := range res.Errors {
		fmt.Fprintf(os.Stderr, "bearercheck: package %s does not type-check:\n", e.PkgPath)
		for _, err := range e.Errors {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	for _, w := range res.Warnings {
		more := ""
		if n := len(w.Errors); n > 1 {
			more = fmt.Sprintf(" (and %d more)", n-1)
		}
		fmt.Fprintf(os.Stderr, "bearercheck: warning: dependency %s does not type-check: %v%s; its importers are analysed with what it declares\n",
			w.PkgPath, w.Errors[0], more)
	}
	return len(res.Errors) > 0
}

// printText prints diagnostics as graph.PrintText does (errors of every
// action, diagnostics of the packages asked for, duplicates from test
// variants dropped, -c context lines), except that a line holding a
// hard-coded credential is never printed as context: secrets found in
// source never appear in any output.
func printText(w io.Writer, graph *checker.Graph, contextLines int) {
	secret := map[string]map[int]bool{}
	for act := range graph.All() {
		for _, d := range act.Diagnostics {
			if d.Category != string(bearercheck.KindHardCoded) {
				continue
			}
			fset := act.Package.Fset
			start, end := fset.Position(d.Pos), fset.Position(d.End)
			if secret[start.Filename] == nil {
				secret[start.Filename] = map[int]bool{}
			}
			for l := start.Line; l <= max(end.Line, start.Line); l++ {
				secret[start.Filename][l] = true
			}
		}
	}
	files := map[string][]string{}
	print := func(fset *token.FileSet, pos, end token.Pos, msg string) {
		posn := fset.Position(pos)
		fmt.Fprintf(w, "%s: %s\n", posn, msg)
		if contextLines < 0 {
			return
		}
		last := fset.Position(end).Line
		if last < posn.Line {
			last = posn.Line
		}
		lines, ok := files[posn.Filename]
		if !ok {
			data, _ := os.ReadFile(posn.Filename)
			lines = strings.Split(string(data), "\n")
			files[posn.Filename] = lines
		}
		for i := posn.Line - contextLines; i <= last+contextLines; i++ {
			switch {
			case i < 1 || i > len(lines):
			case secret[posn.Filename][i]:
				fmt.Fprintf(w, "%d\t[line redacted: hard-coded credential]\n", i)
			default:
				fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	type key struct {
		pos, end token.Position
		a        *analysis.Analyzer
		msg      string
	}
	seen := map[key]bool{}
	done := map[*checker.Action]bool{}
	var visit func(*checker.Action)
	visit = func(act *checker.Action) {
		if done[act] {
			return
		}
		done[act] = true
		for _, dep := range act.Deps {
			visit(dep)
		}
		if act.Err != nil {
			fmt.Fprintf(w, "%s: %v\n", act.Analyzer.Name, act.Err)
			return
		}
		if !act.IsRoot {
			return
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			k := key{fset.Position(d.Pos), fset.Position(d.End), act.Analyzer, d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			print(fset, d.Pos, d.End, d.Message)
			for _, rel := range d.Related {
				print(fset, rel.Pos, rel.End, "\t"+rel.Message)
			}
		}
	}
	for _, root := range graph.Roots {
		visit(root)
	}
}
