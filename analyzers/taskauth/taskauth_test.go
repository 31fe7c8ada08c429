package taskauth_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"os"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/analyzers/taskauth"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
)

// cases are the shared helper fixtures and those of taskauth's own
// concerns, checked with the default configuration.
func cases() []string {
	return append(fixture.HelperCases(),
		"generated", // a task call in a generated file names the generator
	)
}

// TestFixturesCovered checks that the tests of this file run every
// fixture that expects something of taskauth.
func TestFixturesCovered(t *testing.T) {
	fixture.Covered(t, taskauth.Name, append(cases(), "jobtask", "taskfix")...)
}

// TestTaskFix: in migrated code, a call that ignores an available agent
// task goes through WithAuth or the FWithAuth variant with the task's
// provider, and a migrated sink uses it, when the task is not nil.
func TestTaskFix(t *testing.T) {
	s := analyzers.New(config.NewFlagOptions())
	fixture.RunWithSuggestedFixes(t, s.TaskAuth, "taskfix")
}

func TestTaskAuth(t *testing.T) {
	s := analyzers.New(config.NewFlagOptions())
	results := fixture.Run(t, s.TaskAuth, cases()...)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			assert.Equal(t, "ignored-task", d.Category, d.Message)
			// The range is the call expression.
			start, end := r.Pass.Fset.Position(d.Pos), r.Pass.Fset.Position(d.End)
			src, err := os.ReadFile(start.Filename)
			require.NoError(t, err)
			e, err := parser.ParseExpr(string(src[start.Offset:end.Offset]))
			if assert.NoError(t, err, "%s", start) {
				assert.IsType(t, (*ast.CallExpr)(nil), e, "%s: range is not the call", start)
			}
			if assert.Len(t, d.Related, 1, d.Message) {
				assert.True(t, d.Related[0].Pos.IsValid(), "Related should point at the helper: %s", d.Message)
			}
		}
	}
}

// TestCustomTaskTypes runs with agent-task-types set to Job: Job values are
// tasks, AgentTask values no longer are.
func TestCustomTaskTypes(t *testing.T) {
	// A bare name and a package-qualified name select the same type.
	for _, typ := range []string{"Job", "jobtask.Job"} {
		t.Run(typ, func(t *testing.T) {
			cfg := bearercheck.DefaultConfig()
			cfg.AgentTaskTypes = []string{typ}
			require.NoError(t, cfg.Validate())
			s := analyzers.New(config.NewOptions(cfg))
			fixture.Run(t, s.TaskAuth, "jobtask")
		})
	}

	cfg := bearercheck.DefaultConfig()
	cfg.AgentTaskTypes = []string{"Job"}
	s := analyzers.New(config.NewOptions(cfg))

	// The default fixtures have no Job: nothing is reported there. Their
	// want comments are for the default configuration, so the expectation
	// mismatches are collected rather than failed on.
	rec := new(recorder)
	results := analysistest.Run(rec, fixture.For(t, s.TaskAuth.Name), s.TaskAuth, cases()...)
	require.Len(t, results, len(cases()), rec.errs)
	for _, r := range results {
		require.NoError(t, r.Err)
		for _, d := range r.Diagnostics {
			t.Errorf("%s: unexpected diagnostic with agent-task-types=Job: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}

// recorder is an analysistest.Testing that records errors instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
