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
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	if err := chdir(); err != nil {
		fmt.Fprintln(os.Stderr, "bearercheck:", err)
		os.Exit(1)
	}
	if err := checkConfig(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// A plain run (text or -json) uses the driver in driver.go, which tells
	// broken dependencies from broken packages; everything else (-fix,
	// -diff, vet units, -flags, -V, profiling) is multichecker's.
	opts := bearercheck.NewFlagOptions()
	suite := analyzers.New(opts).Reporting()
	lf := newLintFlags(suite, opts.RegisterFlags)
	if err := lf.fs.Parse(os.Args[1:]); err == nil && !vetUnit(lf.fs.Args()) {
		os.Exit(lint(lf, suite))
	}
	opts = bearercheck.NewFlagOptions()
	opts.RegisterFlags(flag.CommandLine)
	multichecker.Main(analyzers.New(opts).Reporting()...)
}

// vetUnit reports whether the arguments are a go vet (or go fix) unit:
// one .cfg file describing a package.
func vetUnit(args []string) bool {
	return len(args) == 1 && strings.HasSuffix(args[0], ".cfg")
}

// checkConfig validates, before any package is loaded, the configuration
// file that applies in the current directory (or -config FILE). An invalid
// file is then one clear error and exit status 1 in every output mode: with
// -json, go/analysis drivers exit 0 even when an analyzer fails. Files
// further down the tree are validated per package by the analyzers.
func checkConfig() error {
	opts := bearercheck.NewFlagOptions()
	for i := 1; i < len(os.Args); i++ {
		name, value, hasValue := flagArg(os.Args[i])
		switch {
		case name == "flags" || name == "V" || vetUnit(os.Args[i:]):
			return nil // a go vet query, or a vet unit: errors are reported there
		case name == "config" && hasValue:
			opts.ConfigFile = value
		case name == "config" && i+1 < len(os.Args):
			opts.ConfigFile = os.Args[i+1]
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	_, err = opts.For(dir)
	return err
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
