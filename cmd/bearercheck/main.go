// Command bearercheck finds hard-coded "Authorization: Bearer" headers,
// bearer-only helpers and calls that ignore an agent task.
//
//	bearercheck [flags] ./...                      # lint: text, -format json|sarif, -c, -fix, -diff
//	bearercheck report [flags] [packages]          # the migration inventory and the CI gate
//	bearercheck help [analyzer|report]             # commands, analyzers, an analyzer's documentation
//	bearercheck version                            # the module version (also -V)
//	go vet -vettool=$(command -v bearercheck) ./... # as a vet tool
//	go fix -fixtool=$(command -v bearercheck) ./... # as a fix tool
//
// -C dir, anywhere on the command line, runs in dir as go -C does.
//
// Configuration comes from .bearercheck.yml (found by walking up from each
// package's directory), -config FILE, or the flags -provider-method,
// -token-methods, -agent-task-types, -header-setters, -bearer-apis, -allow
// and -include-tests, which win over any file.
//
// Findings go to standard output; errors, warnings and progress to
// standard error. Every mode exits with the same codes (see exit codes
// below and docs/usage.md); as a vet or fix tool, the go command's unit
// protocol decides.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"golang.org/x/tools/go/analysis/multichecker"
)

// The exit codes of every mode of the command (the go/analysis
// convention), documented once in docs/usage.md.
const (
	// exitOK: nothing to report, the report was written and every gate
	// passed, or findings printed in a machine format (json, sarif), as
	// go/analysis drivers do with -json.
	exitOK = 0
	// exitError: could not run: a package asked for does not load or
	// type-check, an analysis failed, invalid configuration, I/O.
	exitError = 1
	// exitUsage: invalid command line.
	exitUsage = 2
	// exitFindings: findings (after -fix or -diff: findings that remain),
	// or a gate failed.
	exitFindings = 3
)

func main() {
	args, err := chdir(os.Args[1:])
	if err != nil {
		os.Exit(usageError("bearercheck", err))
	}
	switch {
	case len(args) > 0 && args[0] == "report":
		os.Exit(runReport(args[1:]))
	case len(args) > 0 && args[0] == "help":
		os.Exit(help(os.Stdout, args[1:]))
	case len(args) == 1 && args[0] == "version":
		fmt.Println(versionLine())
		os.Exit(exitOK)
	case vetQuery(args):
		os.Exit(printVersion())
	case !vetProtocol(args):
		os.Exit(standalone(args))
	}
	// The go vet / go fix protocol: -flags, and units (one .cfg file).
	// unitchecker prints and exits as the go command expects.
	if err := checkConfig(args); err != nil {
		errorf("%v", err)
		os.Exit(exitError)
	}
	opts := config.NewFlagOptions()
	suite := analyzers.New(opts)
	reporting := directivePolicy(suite.Reporting(), suite.Base, enabledNames(args, suite.Reporting()))
	os.Args = append(os.Args[:1], args...)
	if context, json, fix, rest := vetFlags(args); context >= 0 || json || fix {
		// Source context and diffs are printed through the output policy,
		// never by unitchecker or the go command from the file.
		os.Args = append(os.Args[:1], rest...)
		reporting = vetPolicy(reporting, suite.Base, context, json, fix)
	}
	opts.RegisterFlags(flag.CommandLine)
	// Accepted on every path; only plain runs and report use the cache.
	flag.String("cache", "", "cache directory of plain runs and report (default the user cache directory; off: none)")
	multichecker.Main(reporting...)
}

// errorf prints an error (or a warning) on standard error, prefixed by
// the command's name once.
func errorf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bearercheck: "+format+"\n", args...)
}

// usageError prints a usage error as one line, then where the usage is,
// and returns exitUsage. cmd is the command line that -h explains.
func usageError(cmd string, err error) int {
	fmt.Fprintf(os.Stderr, "%s: %v\nrun '%s -h' for usage\n", cmd, err, cmd)
	return exitUsage
}

// parseFlags parses args with fs, printing nothing but the usage (on
// standard error, for -h or -help). It returns the exit code to return
// and false when the command should stop.
func parseFlags(fs *flag.FlagSet, cmd string, usage func(io.Writer), args []string) (int, bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage(os.Stderr)
		return exitOK, false
	case err != nil:
		return usageError(cmd, err), false
	}
	return exitOK, true
}

// vetProtocol reports whether the arguments are a go vet or go fix request:
// the -flags query, or a unit (one .cfg file describing a package).
func vetProtocol(args []string) bool {
	return len(args) == 1 && (args[0] == "-flags" || args[0] == "--flags") ||
		len(args) > 0 && vetUnit(args[len(args)-1:])
}

// vetQuery reports whether the arguments are the version query (-V=full)
// that the go command makes to key its caches.
func vetQuery(args []string) bool {
	if len(args) != 1 {
		return false
	}
	name, value, _ := flagArg(args[0])
	return name == "V" && value == "full"
}

// vetUnit reports whether the arguments are a go vet (or go fix) unit:
// one .cfg file describing a package.
func vetUnit(args []string) bool {
	return len(args) == 1 && strings.HasSuffix(args[0], ".cfg")
}

// chdir handles -C dir (or -C=dir) anywhere on the command line (before
// a "--"), as go -C does, and returns the other arguments.
func chdir(args []string) ([]string, error) {
	var rest []string
	dir := ""
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := flagArg(args[i])
		if name != "C" {
			rest = append(rest, args[i])
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("-C requires a directory")
			}
			i++
			value = args[i]
		}
		if dir != "" {
			return nil, fmt.Errorf("-C given twice")
		}
		dir = value
	}
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			return nil, fmt.Errorf("-C: %v", err)
		}
	}
	return rest, nil
}

// flagArg splits a command-line argument "-name", "--name" or
// "-name=value"; name is "" when arg is not a flag.
func flagArg(arg string) (name, value string, hasValue bool) {
	if !strings.HasPrefix(arg, "-") || arg == "-" {
		return "", "", false
	}
	arg = strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	name, value, hasValue = strings.Cut(arg, "=")
	return name, value, hasValue
}
