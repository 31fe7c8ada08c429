package bearerdetect_test

import (
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck"
)

// TestFacts checks the FuncFact of every function of the fixtures: root
// helpers are bearerOnly, helpers through another helper (in the same
// package or another one) are bearerOnlyVia, and functions that are not
// helpers carry no fact.
func TestFacts(t *testing.T) {
	base := analyzers.New(bearercheck.NewFlagOptions()).Base
	fixture.Run(t, base,
		"auth",       // provider methods record the fields they read
		"creds",      // a provider with an exported field, used from notahelper
		"api",        // root helper, generic and transitive helpers, returns-bearer helpers
		"svc",        // transitive across one package boundary
		"caller",     // transitive across two package boundaries
		"generics",   // type parameters: facts on origin objects
		"receivers",  // pointer and value receivers with token fields
		"closures",   // a sink in a function literal belongs to the enclosing function
		"roundtrip",  // RoundTrip methods
		"oauth2wrap", // bearer-by-API call wrappers
		"forms",      // local variable, Join, constant, (string, error), scheme-parametric
		"notahelper", // provider-derived tokens and bearer-named functions: no fact
	)
}
