// Command noopcheck drives the noop analyzer as bearercheck is driven, to
// measure what the analysis itself costs and what the driver gains:
//
//	noopcheck [-json] [packages]                 # the standard driver (multichecker, go/analysis/checker)
//	noopcheck -engine [-cache=DIR] [packages]    # bearercheck's driver (internal/driver, internal/engine)
//
// With -engine it loads, caches and collects garbage exactly as the plain
// bearercheck run does (test variants included, the same cache layout),
// and prints the diagnostics as JSON: bearercheck against this is the
// analysis's cost; this against the standard driver is the driver's gain.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/driver"
	"github.com/bearercheck/bearercheck/internal/engine"
	"github.com/bearercheck/bearercheck/internal/noop"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "-engine" {
		multichecker.Main(noop.Analyzer)
		return
	}
	fs := flag.NewFlagSet("noopcheck -engine", flag.ExitOnError)
	cache := fs.String("cache", "off", "the cache directory, or off")
	tests := fs.Bool("test", true, "load test variants too")
	fs.Parse(os.Args[2:])
	res, err := driver.Run(driver.Config{
		Patterns:  fs.Args(),
		Tests:     *tests,
		Analyzers: []*analysis.Analyzer{noop.Analyzer},
		Planned:   engine.SetGCPercent,
		Options:   config.NewFlagOptions(), // the configuration a plain run validates and keys its cache with
		Cache:     *cache,
	})
	if err == nil {
		err = res.Graph.PrintJSON(os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "noopcheck:", err)
		os.Exit(1)
	}
}
