// Package slowtest marks the exhaustive tests: the ones that run the
// bearercheck binary or the go command over whole modules again and
// again, compare drivers, or loop over seeds. They run only when
// BEARERCHECK_SLOW=1, as .ci/run sets it, so that the README's test
// command, go test ./..., stays fast while CI still runs everything.
package slowtest

import (
	"os"
	"testing"
)

// Env is the environment variable that enables the slow tier.
const Env = "BEARERCHECK_SLOW"

// Enabled reports whether the slow tier runs.
func Enabled() bool { return os.Getenv(Env) == "1" }

// Skip skips t unless the slow tier runs.
func Skip(t testing.TB) {
	t.Helper()
	if !Enabled() {
		t.Skip("exhaustive test: set " + Env + "=1 to run it (.ci/run does)")
	}
}
