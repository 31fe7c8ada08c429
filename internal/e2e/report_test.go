package e2e

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files of the report tests")

// reportSecret is the hard-coded credential of testdata/reportmod: no
// output of any format may contain it, nor a part of it.
const reportSecret = "REPORTMOD-0000"

// reportModule copies testdata/reportmod to a temporary directory and
// returns it, so that a test may change it.
func reportModule(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot()
	require.NoError(t, err)
	src := filepath.Join(root, "testdata", "reportmod")
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	require.NoError(t, err)
	return dst
}

// report runs bearercheck report in dir and returns its output and exit code.
func report(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	stdout, stderr, err := runIn(dir, binary, append([]string{"report"}, args...)...)
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("bearercheck report %v: %v", args, err)
	}
	return stdout, stderr, code
}

// golden compares got with the golden file testdata/report/name, or
// rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "report", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "run go test ./internal/e2e -run TestReport -update")
	assert.Equal(t, string(want), got, "golden file %s (rewrite with -update)", file)
}

// TestReportFormats checks the report of testdata/reportmod in every
// format: text and json against golden files, and in all of them the
// endpoints reached through helper parameters in other packages, no
// unauthenticated endpoint and no secret.
func TestReportFormats(t *testing.T) {
	t.Parallel()
	dir := reportModule(t)
	for _, format := range []string{"text", "json", "markdown", "sarif", "html"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			out, stderr, code := report(t, dir, "-format", format)
			require.Equal(t, 0, code, "stderr: %s", stderr)
			assert.NotContains(t, out+stderr, reportSecret, "the credential leaks")
			assert.NotContains(t, stderr, "\r", "progress shown on a pipe")
			assert.NotContains(t, out, "/health", "an unauthenticated request is listed")
			if format != "sarif" { // SARIF results are diagnostics: no endpoints
				for _, ep := range []string{"/wham/usage", "/wham/tasks/{}/turns/{}/sibling_turns", "/files", "/v1/realtime"} {
					assert.Contains(t, out, ep)
				}
			}
			switch format {
			case "text":
				golden(t, "reportmod.txt", out)
				assert.Contains(t, out, "2 of 7 authorization sites migrated (28.5%)")
			case "json":
				golden(t, "reportmod.json", out)
			}
		})
	}
}

// TestReportGate checks the exit codes of the CI gate against a baseline
// written from the unchanged module.
func TestReportGate(t *testing.T) {
	t.Parallel()
	base := reportModule(t)
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	out, stderr, code := report(t, base, "-write-baseline", baseline)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	require.Contains(t, out, "authorization sites migrated")
	data, err := os.ReadFile(baseline)
	require.NoError(t, err)
	var written struct{ Entries []json.RawMessage }
	require.NoError(t, json.Unmarshal(data, &written))
	assert.Equal(t, fmt.Sprintf("bearercheck: report: wrote %d entries (sites and task calls) to baseline %s\n", len(written.Entries), baseline), stderr,
		"-write-baseline says what it wrote")
	assert.NotContains(t, string(data), reportSecret)
	assert.Contains(t, string(data), `"version": 1`)

	edit := func(t *testing.T, dir, file, old, new string) {
		t.Helper()
		name := filepath.Join(dir, file)
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		require.Contains(t, string(data), old)
		require.NoError(t, os.WriteFile(name, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
	}
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, dir string)
		args   []string
		code   int
		stdout []string // substrings of the output
		stderr []string // substrings of standard error
	}{
		{name: "unchanged", code: 0, stdout: []string{"Gate passed", "0 new sites or task calls, 0 entries gone"}},
		{
			name: "moved lines and reformatting",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "httpx/httpx.go", "// Client sends", "// A comment\n// that moves every line.\n\n// Client sends")
				edit(t, dir, "httpx/httpx.go", `req.Header.Set("Authorization", "Bearer "+c.token)`, "req.Header.Set(\n\t\t\"Authorization\",\n\t\t\"Bearer \"+\n\t\t\tc.token,\n\t)")
				edit(t, dir, "api/api.go", `err := a.c.GetJSON(ctx, "/wham/usage", &u)`, "\n\terr := a.c.GetJSON(ctx,\n\t\t\"/wham/usage\", &u)")
			},
			code:   0,
			stdout: []string{"Gate passed"},
		},
		{
			name: "renamed file",
			change: func(t *testing.T, dir string) {
				require.NoError(t, os.Rename(filepath.Join(dir, "api", "legacy.go"), filepath.Join(dir, "api", "old.go")))
			},
			code:   0,
			stdout: []string{"Gate passed"},
		},
		{
			name: "new site",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "ws/ws.go", "// Realtime opens", `// Events opens the event stream.
func Events(ctx context.Context, base, tok string) (*http.Response, error) {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+tok)
	return dial(ctx, base+"/v1/events", h)
}

// Realtime opens`)
			},
			code:   3,
			stdout: []string{"Gate failed: 1 site or task call not in the baseline", "new: ws/ws.go:", "ws.Events  adds \"Bearer \" to a token  /v1/events"},
		},
		{
			name: "migrated site",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "api/legacy.go", `"Bearer "+p.BearerToken()`, "p.AuthorizationHeaderValue()")
			},
			code:   0,
			stdout: []string{"Gate passed", "1 entry gone", "gone: api/legacy.go", "3 of 7 authorization sites migrated"},
		},
		{
			name: "ill-typed package",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "ws/ws.go", "return dial(ctx,", "undefinedCall()\n\treturn dial(ctx,")
			},
			code:   1,
			stderr: []string{"example.com/reportmod/ws", "undefinedCall"},
		},
		{name: "missing package", args: []string{"./nosuch"}, code: 1, stderr: []string{"nosuch"}},
		{name: "missing import path", args: []string{"example.com/reportmod/nosuch"}, code: 1, stderr: []string{"example.com/reportmod/nosuch"}},
		{name: "require complete", args: []string{"-require-complete"}, code: 3, stdout: []string{"Gate failed: migration incomplete"}},
		{name: "min complete met", args: []string{"-min-complete", "25"}, code: 0, stdout: []string{"Gate passed"}},
		{name: "min complete missed", args: []string{"-min-complete=30"}, code: 3, stdout: []string{"below the minimum 30%"}},
		{name: "min complete out of range", args: []string{"-min-complete", "101"}, code: 2},
		{name: "unknown format", args: []string{"-format", "pdf"}, code: 2, stderr: []string{`unknown -format "pdf"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := base
			if tc.change != nil {
				dir = reportModule(t)
				tc.change(t, dir)
			}
			args := append([]string{"-baseline", baseline}, tc.args...)
			out, stderr, code := report(t, dir, args...)
			assert.Equal(t, tc.code, code, "stdout:\n%s\nstderr:\n%s", out, stderr)
			for _, s := range tc.stdout {
				assert.Contains(t, out, s)
			}
			for _, s := range tc.stderr {
				assert.Contains(t, stderr, s)
			}
			if code == 1 {
				assert.NotContains(t, out, "Gate passed", "a gate never passes when analysis failed")
			}
		})
	}
}

// TestReportGateNamesNewSites checks that a failed baseline gate names
// the new site (file:line, function, kind, endpoint) in every format, on
// standard output and with -o, and that with -o the headline, the new site
// and the outcome still go to standard error for the CI log.
func TestReportGateNamesNewSites(t *testing.T) {
	t.Parallel()
	dir := reportModule(t)
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	_, stderr, code := report(t, dir, "-write-baseline", baseline)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	name := filepath.Join(dir, "ws", "ws.go")
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	src := string(data) + `
func Events(ctx context.Context, base, tok string) (*http.Response, error) {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+tok)
	return dial(ctx, base+"/v1/events", h)
}
`
	require.NoError(t, os.WriteFile(name, []byte(src), 0o644))
	line := strings.Count(src[:strings.Index(src, `h.Set("Authorization", "Bearer "+tok)`)], "\n") + 1
	where := fmt.Sprintf("ws/ws.go:%d", line)

	// What each format must hold to name the site.
	want := map[string][]string{
		"text":     {"new: " + where + ":", "ws.Events  adds \"Bearer \" to a token  /v1/events"},
		"markdown": {"| `" + where + "` | `Events` | adds \"Bearer \" to a token | `/v1/events` |"},
		"json":     {`"newEntries": [`, `"file": "ws/ws.go"`, `"line": ` + fmt.Sprint(line), `"function": "Events"`, `"/v1/events"`},
		"sarif":    {`"baselineState": "new"`, `"uri": "ws/ws.go"`, `"startLine": ` + fmt.Sprint(line), `"fullyQualifiedName": "example.com/reportmod/ws.Events"`},
		"html":     {`id="gate-new"`, "<code>" + where + "</code> <code>Events</code> literal-prefix <code>/v1/events</code>"},
	}
	for format := range want {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			out, stderr, code := report(t, dir, "-baseline", baseline, "-format", format)
			require.Equal(t, 3, code, "stderr: %s", stderr)
			for _, s := range want[format] {
				assert.Contains(t, out, s, "stdout")
			}
			file := filepath.Join(t.TempDir(), "report."+format)
			out, stderr, code = report(t, dir, "-baseline", baseline, "-format", format, "-o", file)
			require.Equal(t, 3, code, "stderr: %s", stderr)
			assert.Empty(t, out)
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			for _, s := range want[format] {
				assert.Contains(t, string(data), s, "-o file")
			}
			assert.Regexp(t, `^\d+ of \d+ authorization sites migrated \(.*%\)[^\n]*\n  not in the baseline: `+regexp.QuoteMeta(where)+`:\d+  ws\.Events  adds "Bearer " to a token  /v1/events\nGate failed: 1 site or task call not in the baseline .*\n$`, stderr)
		})
	}
}

// TestReportExample checks the report of the bundled example against
// testdata/example/EXPECTED.md: its figures, the endpoints of its backend
// calls (also those reached only through helper parameters), and neither
// the unauthenticated /health request nor the hard-coded credential.
func TestReportExample(t *testing.T) {
	slowtest.Skip(t)
	t.Parallel()
	dir := exampleDir(t)
	for _, format := range []string{"text", "markdown"} {
		out, stderr, code := report(t, dir, "-format", format)
		require.Equal(t, 0, code, "stderr: %s", stderr)
		assert.Contains(t, out, "3 of 15 authorization sites migrated (20%)")
		for _, ep := range []string{"/wham/usage", "/wham/tasks/{}", "/wham/tasks/{}/cancel", "/files", "/codex/models", "/v1/responses", "/v1/me", "/admin/export"} {
			assert.Contains(t, out, ep, format)
		}
		assert.NotContains(t, out, "/health", format)
		assert.NotContains(t, out+stderr, "EXAMPLE0000", format)
	}
}

// cacheEntries returns the files of a cache directory with their
// modification times.
func cacheEntries(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	entries := map[string]int64{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		entries[path] = info.ModTime().UnixNano()
		return nil
	})
	require.NoError(t, err)
	return entries
}

// TestCache checks the incremental gate end to end, for report and for
// the plain run: a warm run on an unchanged tree prints exactly what the
// cold run printed and writes no cache entry (everything came from the
// cache); after an edit to one package that nothing imports, a warm run
// prints exactly what a run without cache prints on the edited tree, and
// writes only the entries of the edited package.
func TestCache(t *testing.T) {
	slowtest.Skip(t)
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"report", []string{"report", "-format", "json"}},
		{"report text", []string{"report"}},
		{"plain", []string{"-json"}},
		{"plain text", []string{"-c=1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir, cache := reportModule(t), t.TempDir()
			run := func(cacheFlag string) string {
				t.Helper()
				args := append([]string{tc.args[0], "-cache=" + cacheFlag}, tc.args[1:]...)
				stdout, stderr, err := runIn(dir, binary, append(args, "./...")...)
				var exit *exec.ExitError
				if err != nil && !errors.As(err, &exit) {
					t.Fatal(err)
				}
				return fmt.Sprintf("%s\n-- stderr --\n%s-- exit %v --", stdout, stderr, err)
			}
			cold := run(cache)
			require.Contains(t, cold, "Authorization")
			after := cacheEntries(t, cache)
			require.NotEmpty(t, after, "the cold run fills the cache")
			assert.Equal(t, cold, run("off"), "a cold run prints what a run without cache prints")

			assert.Equal(t, cold, run(cache), "warm run on an unchanged tree")
			assert.Equal(t, after, cacheEntries(t, cache), "a warm run on an unchanged tree writes nothing")

			name := filepath.Join(dir, "ws", "ws.go")
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(name, append(data, `
func Events(ctx context.Context, base, tok string) (*http.Response, error) {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+tok)
	return dial(ctx, base+"/v1/events", h)
}
`...), 0o644))
			edited := run(cache)
			assert.NotEqual(t, cold, edited, "the edit adds a site")
			assert.Contains(t, edited, "ws.go")
			assert.Equal(t, run("off"), edited, "warm run after an edit")
			written := 0
			for path, mtime := range cacheEntries(t, cache) {
				if after[path] != mtime {
					written++
				}
			}
			// The edited package and its test variant, at most.
			assert.Positive(t, written)
			assert.LessOrEqual(t, written, 2, "only the edited package is analysed again")
		})
	}
}
