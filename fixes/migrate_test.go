package fixes_test

import (
	"testing"

	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/analyzers/bearerheader"
	"github.com/bearercheck/bearercheck/analyzers/bearerhelper"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// helperAnalyzer returns bearerhelper configured by cfg: its diagnostics
// carry the migration fixes of root helpers.
func helperAnalyzer(cfg bearercheck.Config) *analysis.Analyzer {
	return bearerhelper.New(bearerdetect.New(config.NewOptions(cfg)))
}

// TestMigrate checks the migration of a token's path against golden files:
// locals and parameters with a discovered adapter (migparam), fields and a
// blocked field (migfield), exported functions and methods with wrappers
// and a configured function adapter (migexport), a helper called from
// another package (migcross: the caller keeps compiling through the
// wrapper), and no adapter (migmissing).
func TestMigrate(t *testing.T) {
	dir := analysistest.TestData()
	discovered := bearercheck.DefaultConfig()
	analysistest.RunWithSuggestedFixes(t, dir, helperAnalyzer(discovered), "migparam", "migcross/...", "migmissing")

	configured := bearercheck.DefaultConfig()
	configured.TokenAdapter = "auth.FromToken"
	configured.ProviderType = "auth.Provider"
	analysistest.RunWithSuggestedFixes(t, dir, helperAnalyzer(configured), "migfield", "migexport")
}

// TestMigratedCredential checks that a constant handed to the configured
// token adapter, directly or through a wrapper (the fact adapts(i)), stays
// a hard-coded credential site once the code is migrated.
func TestMigratedCredential(t *testing.T) {
	cfg := bearercheck.DefaultConfig()
	cfg.TokenAdapter = "auth.FromToken"
	cfg.ProviderType = "auth.Provider"
	analysistest.Run(t, analysistest.TestData(), bearerheader.New(bearerdetect.New(config.NewOptions(cfg))), "migcred")
}
