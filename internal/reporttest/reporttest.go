// Package reporttest builds real migration inventories for tests: the
// packages of a module analysed and assembled as `bearercheck report`
// does, without the command.
package reporttest

import (
	"path/filepath"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/driver"
	"github.com/bearercheck/bearercheck/internal/inventory"
	"github.com/bearercheck/bearercheck/report"
)

// Build analyses the packages matching patterns (default ./...) in the
// module at dir, with the default configuration (and the module's
// .bearercheck.yml), and returns their inventory; paths in it are relative
// to dir and the tool version is "(devel)", so that it is the same on
// every machine. A package that does not load or analyse fails the test.
func Build(t testing.TB, dir string, patterns ...string) *report.Inventory {
	t.Helper()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts := config.NewFlagOptions()
	suite := analyzers.New(opts)
	cfg := driver.Config{
		Dir:       dir,
		Patterns:  patterns,
		Analyzers: suite.Reporting(),
		Base:      suite.Base,
		Options:   opts,
		Cache:     "off",
	}
	inventory.Keep(&cfg)
	res, err := driver.Run(cfg)
	if err != nil {
		t.Fatalf("analysing %s: %v", dir, err)
	}
	for _, e := range res.Errors {
		t.Errorf("analysing %s: %v", dir, e)
	}
	for _, e := range res.ActionErrors {
		t.Errorf("analysing %s: %v", dir, e)
	}
	if t.Failed() {
		t.FailNow()
	}
	return report.Build(inventory.Fragments(res), report.Options{Dir: dir, Tool: report.Tool{Name: "bearercheck", Version: "(devel)", Rules: inventory.Rules(suite)}})
}
