package bearerhelper_test

import (
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtures are the testdata cases, one per concern.
var fixtures = []string{
	"auth",       // AuthProvider and agent task types: no helpers
	"creds",      // an AuthProvider with an exported token field: no helpers
	"api",        // root newRequest and bearer; generic getJSON, GetUsage, AuthHeader are transitive
	"svc",        // transitive across one package boundary: not reported
	"caller",     // transitive across two package boundaries, with a task: not reported
	"generics",   // generic receiver and generic function roots; instantiations
	"receivers",  // pointer and value receivers with token fields
	"closures",   // a sink in a function literal is the enclosing function's
	"roundtrip",  // RoundTrip methods setting the header from fields
	"oauth2wrap", // wrappers around (*oauth2.Token).SetAuthHeader
	"forms",      // local variable, Join, constant, (string, error), scheme-parametric call
	"notahelper", // provider-derived tokens, bearer-named functions, constant tokens
	"generated",  // a generated helper is reported, naming the generator
	"helpermsg",  // tokens from calls; helpers that choose between schemes
}

func TestBearerHelper(t *testing.T) {
	s := analyzers.New(bearercheck.NewFlagOptions())
	results := fixture.Run(t, s.BearerHelper, fixtures...)

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
