package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"golang.org/x/tools/go/analysis"
)

// commands is the command summary that -h and help print first.
const commands = `bearercheck finds hard-coded Bearer Authorization headers, bearer-only
helpers and calls that ignore an agent task.

Usage:

	bearercheck [flags] packages           lint: print the findings (see flags below)
	bearercheck report [flags] [packages]  the migration inventory and the CI gate
	bearercheck help [analyzer|report]     this text, or an analyzer's documentation
	bearercheck version                    print the version (also -V)

	go vet -vettool=$(command -v bearercheck) [flags] packages
	go fix -fixtool=$(command -v bearercheck) [flags] packages
`

// exitCodes is the exit status paragraph of every usage text.
const exitCodes = `Exit status (every command): 0 nothing to report or the gate passed
(json and sarif findings also exit 0, as go vet -json does), 1 could not
run (a package asked for does not load or type-check, configuration, I/O),
2 usage, 3 findings (after -fix or -diff: findings that remain) or a gate
failed. Documentation: https://github.com/bearercheck/bearercheck/tree/main/docs
`

// help is bearercheck help [topic]: with no topic the commands and the
// analyzers, with an analyzer's name its documentation (from its doc.go),
// with "report" the usage of report.
func help(w io.Writer, args []string) int {
	all := analyzers.New(config.NewFlagOptions()).Reporting()
	switch {
	case len(args) == 0:
		fmt.Fprint(w, commands)
		printAnalyzers(w, all)
		fmt.Fprintf(w, "\nRun 'bearercheck help <analyzer>' for what a check means, and\n'bearercheck -h' or 'bearercheck report -h' for the flags.\n\n%s", exitCodes)
		return exitOK
	case len(args) > 1:
		return usageError("bearercheck", fmt.Errorf("help: too many arguments %q (want one analyzer or report)", args))
	case args[0] == "report":
		newReportFlags(config.NewFlagOptions()).usage(w)
		return exitOK
	}
	for _, a := range all {
		if a.Name == args[0] {
			fmt.Fprintf(w, "%s\n\n%s\n", a.Doc, a.URL)
			return exitOK
		}
	}
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = a.Name
	}
	return usageError("bearercheck", fmt.Errorf("help: unknown topic %q (want report or one of %s)", args[0], strings.Join(names, ", ")))
}

// printAnalyzers lists the analyzers with their titles.
func printAnalyzers(w io.Writer, all []*analysis.Analyzer) {
	fmt.Fprintf(w, "\nAnalyzers:\n\n")
	for _, a := range all {
		title, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "\t%-13s %s\n", a.Name, strings.TrimPrefix(title, a.Name+": "))
	}
}

// version is the module version of the binary, "(devel)" when built from
// a work tree.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// versionLine is what version and -V print: the module version, and for a
// build from a work tree the VCS revision it was built at,
//
//	bearercheck version v1.2.0 (go1.26.8)
//	bearercheck version (devel) revision 0f38d64e1c2b, modified (go1.26.8)
func versionLine() string {
	line := "bearercheck version " + version()
	if bi, ok := debug.ReadBuildInfo(); ok && version() == "(devel)" {
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		if rev := settings["vcs.revision"]; rev != "" {
			line += " revision " + rev[:min(len(rev), 12)]
			if settings["vcs.modified"] == "true" {
				line += ", modified"
			}
		}
	}
	return line + " (" + runtime.Version() + ")"
}
