package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/slowtest"
)

// root is the repository root, from this package's directory.
const root = "../.."

// gateModule writes a module with one remaining site, a baseline that
// holds it, and returns its directory and a function that adds a site not
// in the baseline.
func gateModule(t *testing.T) (dir string, addSite func()) {
	t.Helper()
	dir = t.TempDir()
	for _, name := range []string{"go.mod", "bad/bad.go", "clean/clean.go"} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(module[name]), 0o644))
	}
	_, stderr, code := run(t, dir, "", "report", "-write-baseline", ".bearercheck-baseline.json")
	require.Equal(t, exitOK, code, stderr)
	return dir, func() {
		src := strings.ReplaceAll(module["bad/bad.go"], "package bad", "package clean")
		src = strings.ReplaceAll(src, "func Set(", "func Set2(")
		require.NoError(t, os.WriteFile(filepath.Join(dir, "clean", "set.go"), []byte(src), 0o644))
	}
}

// TestActionFile checks action.yml: a composite action with the inputs
// the documentation names, and its steps exercised as the runner would
// run them: build bearercheck from the action's own source, then the
// gate, which passes on the baseline and fails (exit 3) on a new site.
func TestActionFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	require.NoError(t, err)
	var action struct {
		Name, Description string
		Inputs            map[string]struct {
			Description string
			Required    bool
			Default     *string
		}
		Runs struct {
			Using string
			Steps []struct {
				ID, If, Name, Shell, Run, Uses string
				WorkingDirectory               string            `yaml:"working-directory"`
				Env                            map[string]string `yaml:"env"`
				With                           map[string]string `yaml:"with"`
			}
		}
	}
	require.NoError(t, yaml.Unmarshal(data, &action))
	assert.NotEmpty(t, action.Name)
	assert.NotEmpty(t, action.Description)
	assert.Equal(t, "composite", action.Runs.Using)
	for _, in := range []string{"patterns", "baseline", "format", "min-complete", "upload-sarif"} {
		require.Contains(t, action.Inputs, in)
		assert.NotEmpty(t, action.Inputs[in].Description, in)
		assert.NotNil(t, action.Inputs[in].Default, "input %s has no default: every input is optional", in)
	}
	uploads := false
	for _, s := range action.Runs.Steps {
		if s.Run != "" {
			assert.Equal(t, "bash", s.Shell, "a composite action's run step needs a shell")
			assert.NotContains(t, s.Run, "${{", "step %q expands an expression in its script: pass it through env", s.Name)
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			uploads = true
			assert.Equal(t, "inputs.upload-sarif == 'true'", s.If)
		}
	}
	assert.True(t, uploads, "no step uploads SARIF")

	// Run the steps as the runner would, with inputs (a build and six runs).
	slowtest.Skip(t)
	dir, addSite := gateModule(t)
	temp := t.TempDir()
	abs, err := filepath.Abs(root)
	require.NoError(t, err)
	runSteps := func(inputs map[string]string) (string, int) {
		t.Helper()
		expr := regexp.MustCompile(`\$\{\{\s*(inputs\.[\w-]+|github\.action_path)\s*\}\}`)
		eval := func(s string) string {
			return expr.ReplaceAllStringFunc(s, func(m string) string {
				name := expr.FindStringSubmatch(m)[1]
				if name == "github.action_path" {
					return abs
				}
				name = strings.TrimPrefix(name, "inputs.")
				if v, ok := inputs[name]; ok {
					return v
				}
				return *action.Inputs[name].Default
			})
		}
		var log strings.Builder
		for _, s := range action.Runs.Steps {
			// A step's if is an expression without ${{ }}: only
			// "inputs.NAME == 'true'" is used.
			if s.Run == "" || s.If != "" && eval("${{ "+strings.TrimSuffix(s.If, " == 'true'")+" }}") != "true" {
				continue
			}
			cmd := exec.Command("bash", "-euo", "pipefail", "-c", s.Run)
			cmd.Dir = filepath.Join(dir, eval(s.WorkingDirectory))
			if filepath.IsAbs(eval(s.WorkingDirectory)) {
				cmd.Dir = eval(s.WorkingDirectory)
			}
			cmd.Env = append(os.Environ(), "RUNNER_TEMP="+temp, "GITHUB_OUTPUT="+filepath.Join(temp, "output"),
				"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local", "XDG_CACHE_HOME="+filepath.Join(temp, "cache"))
			for k, v := range s.Env {
				cmd.Env = append(cmd.Env, k+"="+eval(v))
			}
			out, err := cmd.CombinedOutput()
			log.Write(out)
			if err != nil {
				var exit *exec.ExitError
				require.ErrorAs(t, err, &exit, "step %q: %s", s.Name, out)
				return log.String(), exit.ExitCode()
			}
		}
		return log.String(), 0
	}
	gate := map[string]string{"baseline": ".bearercheck-baseline.json", "upload-sarif": "true", "patterns": "./bad ./clean"}
	out, code := runSteps(gate)
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "bearercheck version")
	assert.Contains(t, out, "Gate passed")
	assert.FileExists(t, filepath.Join(temp, "bearercheck.sarif"))

	addSite()
	out, code = runSteps(gate)
	assert.Equal(t, exitFindings, code, out)
	assert.Regexp(t, `new: clean/set\.go:7:\d+  clean\.Set2`, out)
	gate["output"] = filepath.Join(temp, "report.md")
	gate["format"] = "markdown"
	out, code = runSteps(gate)
	assert.Equal(t, exitFindings, code, out)
	assert.Regexp(t, `not in the baseline: clean/set\.go:7:\d+  clean\.Set2`, out)
	assert.FileExists(t, gate["output"])
}

// TestPreCommitHooks checks .pre-commit-hooks.yaml and runs each hook's
// entry with its arguments, as pre-commit does after go install.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, ".pre-commit-hooks.yaml"))
	require.NoError(t, err)
	var hooks []struct {
		ID, Name, Entry, Language string
		Args                      []string
		PassFilenames             *bool `yaml:"pass_filenames"`
	}
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	require.NotEmpty(t, hooks)
	ids := map[string]bool{}
	for _, h := range hooks {
		ids[h.ID] = true
		assert.Equal(t, "golang", h.Language, h.ID)
		require.NotNil(t, h.PassFilenames, h.ID)
		assert.False(t, *h.PassFilenames, "%s: bearercheck takes packages, not file names", h.ID)
		assert.NotEmpty(t, h.Name, h.ID)
		fields := strings.Fields(h.Entry)
		require.NotEmpty(t, fields, h.ID)
		// go install ./... names the binary after cmd/bearercheck.
		assert.Equal(t, "bearercheck", fields[0], h.ID)
	}
	assert.True(t, ids["bearercheck"])
	assert.True(t, ids["bearercheck-gate"])

	slowtest.Skip(t) // five runs of the entries
	dir, addSite := gateModule(t)
	for i, want := range []map[string]int{
		{"bearercheck": exitFindings, "bearercheck-gate": exitOK},
		{"bearercheck": exitFindings, "bearercheck-gate": exitFindings},
	} {
		if i == 1 {
			addSite()
		}
		for _, h := range hooks {
			args := append(strings.Fields(h.Entry)[1:], h.Args...)
			stdout, stderr, code := run(t, dir, "", args...)
			assert.Equal(t, want[h.ID], code, "hook %s, run %d\nstdout:\n%s\nstderr:\n%s", h.ID, i, stdout, stderr)
		}
	}
}

// TestFlagsDocumented checks that docs/ documents every flag of the lint
// mode and of report (as -name) and every configuration key (as `key`).
func TestFlagsDocumented(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	require.NoError(t, err)
	var docs strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		docs.Write(data)
	}
	text := docs.String()
	var names []string
	for _, a := range analyzers.New(config.NewFlagOptions()).Reporting() {
		names = append(names, a.Name)
	}
	check := func(cmd string, fs *flag.FlagSet) {
		fs.VisitAll(func(f *flag.Flag) {
			assert.Regexp(t, `-`+regexp.QuoteMeta(f.Name)+`\b`, text, "%s flag -%s is not documented in docs/", cmd, f.Name)
		})
	}
	check("bearercheck", newRunFlags(names).fs)
	check("bearercheck report", newReportFlags(config.NewFlagOptions()).fs)
	for _, k := range bearercheck.Keys() {
		assert.Contains(t, text, k+":", "configuration key %s is not documented in docs/", k)
	}
}
