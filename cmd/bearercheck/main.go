// Command bearercheck finds hard-coded "Authorization: Bearer" headers,
// bearer-only helpers and calls that ignore an agent task.
//
//	bearercheck [flags] ./...                      # standalone: text, -json, -c, -fix, -diff
//	bearercheck -C dir [flags] ./...               # run in dir, as go -C does
//	go vet -vettool=$(command -v bearercheck) ./... # as a vet tool
//	go fix -fixtool=$(command -v bearercheck) ./... # as a fix tool
//
// Configuration comes from .bearercheck.yml (found by walking up from each
// package's directory), -config FILE, or the flags -provider-method,
// -token-methods, -agent-task-types, -header-setters, -bearer-apis, -allow
// and -include-tests, which win over any file.
//
// Exit status (standalone): 0 nothing to report (always, with -json,
// unless an error); 3 findings (with -fix or -diff: findings that the
// fixes do not remove); 1 an error: invalid configuration, a package asked
// for that does not load or type-check, a failed analysis, a fix that
// could not be written; 2 invalid flags. A dependency that does not
// type-check is a warning.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	args, err := chdir(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bearercheck:", err)
		os.Exit(2)
	}
	if len(args) > 0 && args[0] == "report" {
		os.Exit(runReport(args[1:]))
	}
	if vetQuery(args) {
		os.Exit(printVersion())
	}
	if !vetProtocol(args) {
		os.Exit(standalone(args))
	}
	// The go vet / go fix protocol: -flags, and units (one .cfg file).
	if err := checkConfig(args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
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
