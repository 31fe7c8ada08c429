// Command nogocheck is a vet tool built, as Bazel's nogo builds its
// driver, only from the exported Analyzer variables of the analyzer
// packages: each package is analysed on its own, with the facts of its
// dependencies read from files (unitchecker's protocol, which go vet and
// nogo share). Its test checks that it reports exactly what the standalone
// command reports.
//
//	go build -o nogocheck ./internal/nogocheck
//	go vet -vettool=$PWD/nogocheck ./...
//	go vet -vettool=$PWD/nogocheck -bearerdetect.provider-method=HeaderValue ./...
package main

import (
	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/analyzers/bearerheader"
	"github.com/bearercheck/bearercheck/analyzers/bearerhelper"
	"github.com/bearercheck/bearercheck/analyzers/taskauth"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() {
	// bearerdetect reports nothing; it is listed so that its flags, which
	// configure the three others, are flags of the tool (-bearerdetect.KEY),
	// as nogo applies a required analyzer's analyzer_flags to it.
	unitchecker.Main(bearerdetect.Analyzer, bearerheader.Analyzer, bearerhelper.Analyzer, taskauth.Analyzer)
}
