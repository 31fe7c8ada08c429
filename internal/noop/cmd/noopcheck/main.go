// Command noopcheck drives the noop analyzer like bearercheck is driven,
// to measure what the analysis itself costs.
package main

import (
	"github.com/bearercheck/bearercheck/internal/noop"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() { multichecker.Main(noop.Analyzer) }
