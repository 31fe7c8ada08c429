package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bearercheck/bearercheck/internal/corpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// finding is a diagnostic as both drivers print it with -json, and the
// path of its package.
type finding struct{ Posn, Analyzer, Message, Package string }

// findings parses a stream of go/analysis -json objects (go vet may
// separate packages with "# pkg" lines) into the findings, each once.
func findings(t *testing.T, out []byte) []finding {
	t.Helper()
	var lines []string
	for _, l := range strings.SplitAfter(string(out), "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	parsed, err := corpus.ParseOutput(strings.NewReader(strings.Join(lines, "")))
	require.NoError(t, err, "%s", out)
	require.Empty(t, parsed.Errors, "no analyzer fails")
	var fs []finding
	for _, d := range parsed.Diagnostics {
		pkg, _, _ := strings.Cut(d.Package, " ") // "p [p.test]" is p
		fs = append(fs, finding{d.Posn, d.Analyzer, d.Message, strings.TrimSuffix(pkg, "_test")})
	}
	return fs
}

// tools builds the standalone command and this vet tool.
func tools(t *testing.T) (standalone, nogo string) {
	t.Helper()
	dir := t.TempDir()
	standalone, nogo = filepath.Join(dir, "bearercheck"), filepath.Join(dir, "nogocheck")
	for bin, pkg := range map[string]string{standalone: "../../cmd/bearercheck", nogo: "."} {
		out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	return standalone, nogo
}

// run runs a command in dir and returns its stdout, stderr and error.
func run(ctx context.Context, dir, name string, args ...string) (stdout, stderr []byte, err error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.Bytes(), e.Bytes(), err
}

// compare checks that go vet with the vet tool reports exactly what the
// standalone command reports on the packages. Where the standalone command
// warns that a dependency does not type-check, go vet cannot analyse the
// packages that import it (their test variants included): it must fail
// naming that dependency, and only their findings may be missing.
func compare(t *testing.T, ctx context.Context, standalone, nogo, dir string, pkgs ...string) {
	t.Helper()
	stdout, stderr, err := run(ctx, dir, standalone, append([]string{"-json"}, pkgs...)...)
	require.NoError(t, err, "%s", stderr)
	want := findings(t, stdout)
	require.NotEmpty(t, want)
	var broken []string
	for _, m := range regexp.MustCompile(`warning: dependency (\S+) does not type-check`).FindAllSubmatch(stderr, -1) {
		broken = append(broken, string(m[1]))
	}

	stdout, stderr, err = run(ctx, dir, "go", append([]string{"vet", "-vettool=" + nogo, "-json"}, pkgs...)...)
	got := findings(t, stdout)
	if len(broken) == 0 {
		require.NoError(t, err, "%s", stderr)
		assert.Equal(t, want, got)
		return
	}
	require.Error(t, err, "go vet must fail where it cannot analyse a package")
	for _, b := range broken {
		assert.Contains(t, string(stderr), b, "go vet names the broken dependency")
	}
	affected := importers(t, ctx, dir, broken, pkgs)
	var wantHere []finding
	for _, f := range want {
		if !affected[f.Package] {
			wantHere = append(wantHere, f)
		}
	}
	var gotHere []finding
	for _, f := range got {
		assert.Contains(t, want, f, "go vet reports nothing the command does not")
		if !affected[f.Package] {
			gotHere = append(gotHere, f)
		}
	}
	assert.Equal(t, wantHere, gotHere)
}

// importers returns the packages among pkgs that import (or whose tests
// import) one of broken.
func importers(t *testing.T, ctx context.Context, dir string, broken, pkgs []string) map[string]bool {
	t.Helper()
	stdout, stderr, err := run(ctx, dir, "go", append([]string{"list", "-e", "-test", "-f", `{{.ImportPath}}|{{join .Deps " "}}`}, pkgs...)...)
	require.NoError(t, err, "%s", stderr)
	out := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(stdout)), "\n") {
		id, deps, _ := strings.Cut(line, "|")
		path, _, _ := strings.Cut(id, " ") // "p [p.test]" is p
		path = strings.TrimSuffix(strings.TrimSuffix(path, ".test"), "_test")
		for _, d := range strings.Fields(deps) {
			if slices.Contains(broken, d) {
				out[path] = true
			}
		}
	}
	return out
}

// TestSameAsStandalone checks that a driver that sees only the exported
// Analyzer variables and runs them one package at a time, with facts
// serialized between packages (go vet here; nogo in Bazel), reports
// exactly what the standalone command reports: on the bundled example and,
// with BEARERCHECK_CORPUS=1, on ../shared/corpus.
func TestSameAsStandalone(t *testing.T) {
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-30*time.Second))
		defer cancel()
	}
	standalone, nogo := tools(t)
	t.Run("example", func(t *testing.T) {
		compare(t, ctx, standalone, nogo, filepath.Join("..", "..", "testdata", "example"), "./...")
	})
	t.Run("corpus", func(t *testing.T) {
		if os.Getenv("BEARERCHECK_CORPUS") != "1" {
			t.Skip("set BEARERCHECK_CORPUS=1 to compare on the corpus")
		}
		dir := os.Getenv("BEARERCHECK_CORPUS_DIR")
		if dir == "" {
			dir = filepath.Join("..", "..", "..", "shared", "corpus")
		}
		list, err := os.ReadFile(filepath.Join(dir, "packages.txt"))
		require.NoError(t, err)
		compare(t, ctx, standalone, nogo, dir, strings.Fields(string(list))...)
	})
}

// TestBrokenDependency checks that where the per-package protocol cannot
// analyse a package (a dependency does not type-check, so it has no
// export data or facts), the run fails naming the dependency, while the
// standalone command warns and still reports the importer's findings.
func TestBrokenDependency(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":           "module example.com/client\n\ngo 1.26\n",
		"broken/broken.go": "package broken\n\n// Bearer returns a bearer header value.\nfunc Bearer(tok string) string { return \"Bearer \" + tok }\n\nvar _ = missing\n",
		"api/api.go":       "package api\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/client/broken\"\n)\n\nfunc Do(r *http.Request, tok string) { r.Header.Set(\"Authorization\", broken.Bearer(tok)) }\n",
	} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	standalone, nogo := tools(t)
	ctx := context.Background()

	stdout, stderr, err := run(ctx, dir, standalone, "-json", "./api")
	require.NoError(t, err, "%s", stderr)
	assert.Contains(t, string(stderr), "warning: dependency example.com/client/broken does not type-check")
	assert.NotEmpty(t, findings(t, stdout))

	_, stderr, err = run(ctx, dir, "go", "vet", "-vettool="+nogo, "./api")
	require.Error(t, err, "go vet must fail, not report less")
	assert.Contains(t, string(stderr), "example.com/client/broken")
	assert.Contains(t, string(stderr), "undefined: missing")
}
