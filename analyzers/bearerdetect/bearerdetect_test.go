package bearerdetect_test

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFacts checks the FuncFact of every function of the fixtures: root
// helpers are bearerOnly, helpers through another helper (in the same
// package or another one) are bearerOnlyVia, and functions that are not
// helpers carry no fact.
func TestFacts(t *testing.T) {
	base := analyzers.New(config.NewFlagOptions()).Base
	fixture.Run(t, base, cases()...)
}

// cases are the shared helper fixtures and those of bearerdetect's own
// concerns.
func cases() []string {
	return append(fixture.HelperCases(),
		"crossfield/...",  // a bearerField fact on an exported field set in a constructor
		"helpermsg",       // tokens from calls; helpers that choose between schemes
		"guardedkey/hdr",  // a function writing its value under a key guarded by if key == C
		"schemetype/rest", // a method formatting its receiver as the scheme
	)
}

// TestFixturesCovered checks that the tests above run every fixture that
// expects something of bearerdetect.
func TestFixturesCovered(t *testing.T) {
	fixture.Covered(t, bearerdetect.Name, cases()...)
}

// TestFixedPointConverges checks that the fixed point over function
// summaries never stops at its cap (bearercheck.MaxRounds) on any package
// of the fixtures: a package that hits it may miss helpers.
func TestFixedPointConverges(t *testing.T) {
	var patterns []string
	src := filepath.Join(fixture.Root(), "src")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(src, filepath.Dir(path))
		if err == nil && !slices.Contains(patterns, filepath.ToSlash(rel)) {
			patterns = append(patterns, filepath.ToSlash(rel))
		}
		return err
	})
	require.NoError(t, err)
	base := analyzers.New(config.NewFlagOptions()).Base
	// Only convergence is checked here: the want comments are TestFacts'.
	results := analysistest.Run(new(ignoreWants), fixture.For(t, base.Name), base, patterns...)
	require.GreaterOrEqual(t, len(results), len(patterns)) // test variants too
	for _, r := range results {
		res, ok := r.Result.(*bearercheck.Result)
		require.True(t, ok, "%s: %v", r.Pass.Pkg.Path(), r.Err)
		assert.False(t, res.Unconverged, "%s: the fixed point stopped at %d rounds", r.Pass.Pkg.Path(), bearercheck.MaxRounds)
	}
}

// ignoreWants is an analysistest.Testing that ignores expectation errors.
type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}
