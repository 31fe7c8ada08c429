// Command bearercheck finds hard-coded "Authorization: Bearer" headers,
// bearer-only helpers and calls that ignore an agent task.
//
//	bearercheck [flags] ./...                      # standalone, -fix, -diff, -json
//	go vet -vettool=$(command -v bearercheck) ./... # as a vet tool
//	go fix -fixtool=$(command -v bearercheck) ./... # as a fix tool
//
// Configuration comes from .bearercheck.yml (found by walking up from each
// package's directory), -config FILE, or the flags -provider-method,
// -token-methods, -agent-task-types, -header-setters, -bearer-apis, -allow
// and -include-tests, which win over any file.
package main

import (
	"flag"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	opts := bearercheck.NewFlagOptions()
	opts.RegisterFlags(flag.CommandLine)
	multichecker.Main(analyzers.New(opts).Reporting()...)
}
