// Command bearercheck finds hard-coded "Authorization: Bearer" headers,
// bearer-only helpers and calls that ignore an agent task.
//
//	bearercheck [flags] ./...                      # standalone, -fix, -diff, -json
//	bearercheck -C dir [flags] ./...               # run in dir, as go -C does
//	go vet -vettool=$(command -v bearercheck) ./... # as a vet tool
//	go fix -fixtool=$(command -v bearercheck) ./... # as a fix tool
//
// Configuration comes from .bearercheck.yml (found by walking up from each
// package's directory), -config FILE, or the flags -provider-method,
// -token-methods, -agent-task-types, -header-setters, -bearer-apis, -allow
// and -include-tests, which win over any file.
//
// Exit status (standalone): 0 no findings (always, with -json, unless an
// error), 3 findings, 1 a package asked for did not load or type-check, or
// the analysis failed. A dependency that does not type-check is a warning.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/internal/driver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/packages"
)

func main() {
	if err := chdir(); err != nil {
		fmt.Fprintln(os.Stderr, "bearercheck:", err)
		os.Exit(1)
	}
	if len(os.Args) > 1 && os.Args[1] == "report" {
		os.Exit(runReport(os.Args[2:]))
	}
	// A plain run (text or -json) uses the driver in driver.go, which tells
	// broken dependencies from broken packages and validates the
	// configuration of every package it loads; everything else (-fix,
	// -diff, vet units, -flags, -V, profiling) is multichecker's.
	opts := bearercheck.NewFlagOptions()
	suite := analyzers.New(opts).Reporting()
	lf := newLintFlags(suite, opts.RegisterFlags)
	if err := lf.fs.Parse(os.Args[1:]); err == nil && !vetUnit(lf.fs.Args()) {
		os.Exit(lint(lf, opts, suite))
	}
	if err := checkConfig(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	opts = bearercheck.NewFlagOptions()
	opts.Reporting = analyzers.Findings(enabledNames(os.Args[1:], suite)...)
	opts.RegisterFlags(flag.CommandLine)
	// Accepted everywhere; only plain runs and report use the cache.
	flag.String("cache", "", "cache directory of plain runs and report (default the user cache directory; off: none)")
	multichecker.Main(analyzers.New(opts).Reporting()...)
}

// vetUnit reports whether the arguments are a go vet (or go fix) unit:
// one .cfg file describing a package.
func vetUnit(args []string) bool {
	return len(args) == 1 && strings.HasSuffix(args[0], ".cfg")
}

// checkConfig validates, before any package is analysed, the
// configuration of a multichecker run: that of the package of a vet unit,
// or of every package the patterns load (only their names and files are
// loaded), or else of the current directory. An invalid configuration is
// then one clear error and exit status 1 in every output mode (with -json,
// go/analysis drivers exit 0 even when an analyzer fails), never an error
// per package or a failed-prerequisites cascade.
func checkConfig(args []string) error {
	opts := bearercheck.NewFlagOptions()
	probe := flag.NewFlagSet("bearercheck", flag.ContinueOnError)
	probe.SetOutput(io.Discard)
	opts.RegisterFlags(probe)
	for _, name := range []string{"fix", "diff", "json", "test", "flags", "bearerheader", "bearerhelper", "taskauth"} {
		probe.Bool(name, false, "")
	}
	for _, name := range []string{"c", "debug", "cpuprofile", "memprofile", "trace", "V"} {
		probe.String(name, "", "")
	}
	if err := probe.Parse(args); err != nil {
		if strings.Contains(err.Error(), "invalid value") {
			return fmt.Errorf("bearercheck: %v", err) // a bad setting or -config file
		}
		return nil // multichecker reports unknown flags
	}
	if probe.Lookup("flags").Value.String() == "true" || probe.Lookup("V").Value.String() != "" {
		return nil // a go vet query
	}
	var dirs []string
	switch rest := probe.Args(); {
	case vetUnit(rest):
		data, err := os.ReadFile(rest[0])
		if err != nil {
			return nil // unitchecker reports it
		}
		var unit struct{ Dir string }
		if json.Unmarshal(data, &unit) != nil {
			return nil
		}
		dirs = []string{unit.Dir}
	case len(rest) > 0:
		pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps, Tests: true}, rest...)
		if err != nil {
			return nil // multichecker reports it
		}
		dirs = driver.PackageDirs(pkgs)
	default:
		dir, err := os.Getwd()
		if err != nil {
			return err
		}
		dirs = []string{dir}
	}
	return opts.Check(dirs)
}

// enabledNames returns the names of the analyzers that the enable flags
// in args select, as go/analysis drivers do: those set to true if any is,
// else all but those set to false.
func enabledNames(args []string, all []*analysis.Analyzer) []string {
	set := map[string]bool{}
	for _, arg := range args {
		name, value, hasValue := flagArg(arg)
		on, err := strconv.ParseBool(value)
		if !hasValue {
			on, err = true, nil
		}
		if err == nil && slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			set[name] = on
		}
	}
	var on, notOff []string
	for _, a := range all {
		if v, ok := set[a.Name]; ok && v {
			on = append(on, a.Name)
		}
		if v, ok := set[a.Name]; !ok || v {
			notOff = append(notOff, a.Name)
		}
	}
	if len(on) > 0 {
		return on
	}
	return notOff
}

// chdir handles a leading -C dir (or -C=dir), which must come first.
func chdir() error {
	if len(os.Args) < 2 {
		return nil
	}
	name, dir, hasValue := flagArg(os.Args[1])
	if name != "C" {
		return nil
	}
	rest := os.Args[2:]
	if !hasValue {
		if len(rest) == 0 {
			return fmt.Errorf("-C requires a directory")
		}
		dir, rest = rest[0], rest[1:]
	}
	os.Args = append(os.Args[:1], rest...)
	if err := os.Chdir(dir); err != nil {
		return fmt.Errorf("-C: %v", err)
	}
	return nil
}

// flagArg splits a command-line argument "-name", "--name" or
// "-name=value"; name is "" when arg is not a flag.
func flagArg(arg string) (name, value string, hasValue bool) {
	if !strings.HasPrefix(arg, "-") {
		return "", "", false
	}
	arg = strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	name, value, hasValue = strings.Cut(arg, "=")
	return name, value, hasValue
}
