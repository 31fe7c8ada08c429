package bearerdetect_test

import (
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck/config"
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
		"crossfield/...", // a bearerField fact on an exported field set in a constructor
		"helpermsg",      // tokens from calls; helpers that choose between schemes
	)
}

// TestFixturesCovered checks that the tests above run every fixture that
// expects something of bearerdetect.
func TestFixturesCovered(t *testing.T) {
	fixture.Covered(t, bearerdetect.Name, cases()...)
}
