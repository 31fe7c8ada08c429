package bearerheader_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/bearerheader"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
)

// analyzer returns a fresh bearerheader analyzer with the default
// configuration.
func analyzer() *analysis.Analyzer {
	return analyzers.New(config.NewFlagOptions()).BearerHeader
}

// cases are the testdata packages, one per concern. They are analysed in
// one analysistest.Run so that the standard library is loaded once.
var cases = []string{
	"basic",          // http.Header Set/Add, req.Header.Set; the full message
	"constants",      // named constants, constant expressions, key case and constants
	"sprintf",        // fmt.Sprintf, Sprint, Appendf, "%s %s" with "Bearer"
	"join",           // strings.Join
	"concat",         // + chains and conversions
	"localvar",       // local variables all of whose assignments are bearer values
	"fields",         // struct fields set in a constructor and written by a method
	"complit",        // map literals, index assignment, append
	"grpc",           // google.golang.org/grpc/metadata
	"bearerapi",      // (*oauth2.Token).SetAuthHeader, resty SetAuthToken
	"setters",        // generic setters: SetHeader, option.WithHeader
	"headerapi",      // header APIs of any name, their guards, method values and expressions
	"wrappers",       // TrimSpace, Replace and other wrappers; format verbs with flags and indexes
	"builtvalue",     // values built in a Builder, a Buffer, a []byte or a joined []string
	"headerpair",     // header pairs carried in structs, applied in another package
	"flow",           // recursive helpers; interface methods all of whose implementations return bearer values
	"crosspkg/...",   // helpers across packages, scheme-parametric, (key, value) results
	"provider",       // provider methods exempt, migrated sites, provider named
	"task",           // the available agent task named
	"generated",      // generated files reported with no fix, and a message naming the generator
	"tests",          // _test.go files not reported by default
	"ignore",         // //bearercheck:ignore
	"hardcoded",      // hard-coded credentials, redacted
	"masks",          // masks are not sites, placeholders are not credentials
	"negatives",      // reads, challenges, other schemes, logs, queries
	"reassign",       // x = x + y and x += y keep x's prefix
	"ignorescope",    // a trailing directive covers its line, one on its own line the next
	"linedirective",  // ignore directives under //line directives
	"fieldlit",       // a literal given to a field is not every read of it
	"helpercred/...", // a constant passed as a helper's token
	"helpermsg",      // helper messages (bearerhelper's fixture): the sites in it
	"crossfield/...", // a field set to a bearer value in another package's constructor

	"writesvalue/...", // functions that write a parameter as the Authorization value
	"sdkuse/...",      // calls into another module's (an SDK's) bearer-only APIs
	"guardedkey/...",  // header keys known by control flow: if key == C, case C
	"schemetype/...",  // a scheme constant of another package formatted by its type's method
}

func TestBearerHeader(t *testing.T) {
	results := fixture.Run(t, analyzer(), slices.Concat(cases, fixture.HelperCases())...)

	diags := map[string][]analysis.Diagnostic{} // by package path
	for _, r := range results {
		path := r.Action.Package.PkgPath
		diags[path] = append(diags[path], r.Action.Diagnostics...)
	}

	// Categories are the stable kinds documented in doc.go.
	t.Run("categories", func(t *testing.T) {
		for _, tc := range []struct{ pkg, category string }{
			{"basic", "literal-prefix"},
			{"constants", "literal-prefix"},
			{"sprintf", "sprintf"},
			{"join", "join"},
			{"bearerapi", "bearer-api"},
			{"hardcoded", "hard-coded-credential"},
		} {
			require.NotEmpty(t, diags[tc.pkg], tc.pkg)
			for _, d := range diags[tc.pkg] {
				assert.Equal(t, tc.category, d.Category, "%s: %s", tc.pkg, d.Message)
			}
		}
	})

	// A hard-coded credential is never repeated in a diagnostic.
	t.Run("redacted", func(t *testing.T) {
		const secret = "abc123secret"
		require.NotEmpty(t, diags["hardcoded"])
		for _, d := range diags["hardcoded"] {
			assert.Equal(t, "hard-coded-credential", d.Category, d.Message)
			assert.NotContains(t, d.Message, "abc123")
			for _, rel := range d.Related {
				assert.NotContains(t, rel.Message, secret)
			}
			for _, fix := range d.SuggestedFixes {
				assert.NotContains(t, fix.Message, secret)
			}
		}
		// Credentials given to helpers: redacted, and never fixed.
		n := 0
		for _, d := range diags["helpercred"] {
			assert.NotContains(t, d.Message, secret)
			if d.Category == "hard-coded-credential" {
				n++
				assert.Empty(t, d.SuggestedFixes, d.Message)
			}
		}
		assert.Equal(t, 7, n, "hard-coded credentials in helpercred")
	})
}

// With include-tests, sinks in _test.go files are reported too.
// TestFixturesCovered checks that the tests of this package run every
// fixture that expects something of bearerheader.
func TestFixturesCovered(t *testing.T) {
	all := slices.Concat(cases, fixture.HelperCases(), fixCases, []string{"testsinclude", "allowed/...", "generatedskip"})
	fixture.Covered(t, bearerheader.Name, all...)
}

func TestIncludeTests(t *testing.T) {
	cfg := bearercheck.DefaultConfig()
	cfg.IncludeTests = true
	a := analyzers.New(config.NewOptions(cfg)).BearerHeader
	fixture.Run(t, a, "testsinclude")
}

func TestAllow(t *testing.T) {
	cfg := bearercheck.DefaultConfig()
	cfg.Allow = []string{"allowed.Static.Header", "allowed.legacyFunc", "allowed/legacy/..."}
	a := analyzers.New(config.NewOptions(cfg)).BearerHeader
	fixture.Run(t, a, "allowed", "allowed/legacy", "allowed/legacy/sub")
}

func TestGeneratedSkip(t *testing.T) {
	cfg := bearercheck.DefaultConfig()
	cfg.Generated = bearercheck.GeneratedSkip
	a := analyzers.New(config.NewOptions(cfg)).BearerHeader
	fixture.Run(t, a, "generatedskip")
}
