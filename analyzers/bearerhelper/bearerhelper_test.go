package bearerhelper_test

import (
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/bearerhelper"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cases are the shared helper fixtures and those of bearerhelper's own
// concerns.
func cases() []string {
	return append(fixture.HelperCases(),
		"generated", // a generated helper is reported, naming the generator
		"helpermsg", // tokens from calls; helpers that choose between schemes

		"fields",     // a bearer value stored in a field written to a sink elsewhere
		"headerpair", // a bearer value put into a header pair struct
		"builtvalue", // a bearer value built in a Builder, a Buffer, a []byte or a []string
		"flow/...",   // recursive helpers; implementations of an interface method

		"crossfield/...",  // a field set to a bearer value in another package's constructor
		"helpercred/...",  // constant tokens given to helpers: the helpers are still reported
		"writesvalue/...", // a bearer value passed to a function that writes it as the header
		"guardedkey/hdr",  // a bearer value stored in a header field written under a switch case
	)
}

// TestFixturesCovered checks that the tests of this file run every
// fixture that expects something of bearerhelper.
func TestFixturesCovered(t *testing.T) {
	fixture.Covered(t, bearerhelper.Name, cases()...)
}

func TestBearerHelper(t *testing.T) {
	s := analyzers.New(config.NewFlagOptions())
	results := fixture.Run(t, s.BearerHelper, cases()...)

	// Each root helper is reported once, at its declaration's name.
	for _, r := range results {
		for _, d := range r.Diagnostics {
			assert.Equal(t, "root-helper", d.Category, d.Message)
			require.True(t, d.Pos.IsValid() && d.End.IsValid(), d.Message)
			name := r.Pass.Fset.Position(d.Pos)
			end := r.Pass.Fset.Position(d.End)
			src, err := os.ReadFile(name.Filename)
			require.NoError(t, err)
			id := string(src[name.Offset:end.Offset])
			assert.True(t, token.IsIdentifier(id), "%s: diagnostic range %q is not the declaration's name", name, id)
			if !strings.Contains(d.Message, id+" hard-codes the Bearer scheme for one of its auth types") {
				assert.Contains(t, d.Message, id+" is a bearer-only helper", "%s", name)
			}
		}
	}
}
