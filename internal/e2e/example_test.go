package e2e

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/stretchr/testify/require"
)

// exampleWant lists, per analyzer, the file:line of every diagnostic that
// bearercheck must report on testdata/example (see its EXPECTED.md, which
// also gives columns and reasons). Columns are deliberately not compared.
var exampleWant = map[string][]string{
	"bearerheader": {
		"admin/admin.go:35",
		"admin/admin.go:47",
		"admin/admin.go:55",
		"admin/admin.go:64",
		"admin/admin.go:75",
		"admin/admin.go:86",
		"admin/zz_generated.go:16",
		"backend/client.go:66",
		"cmd/acmectl/main.go:34",
		"stream/dial.go:49",
		"stream/dial.go:63",
		"tasks/service.go:57",
	},
	"bearerhelper": {
		"admin/admin.go:30",
		"admin/admin.go:45",
		"admin/admin.go:53",
		"admin/zz_generated.go:11",
		"backend/client.go:61",
		"backend/headers.go:5",
		"stream/dial.go:48",
		"stream/dial.go:61",
		"tasks/service.go:52",
	},
	"taskauth": {
		"tasks/service.go:28",
		"tasks/service.go:33",
		"tasks/service.go:38",
		"tasks/service.go:48",
		"tasks/service.go:68",
	},
}

// exampleDir returns the absolute path of testdata/example.
func exampleDir(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot()
	require.NoError(t, err)
	return filepath.Join(root, "testdata", "example")
}

// hermeticEnv is the environment for go and bearercheck commands run
// directly by tests; it matches what setup gives the scripts.
func hermeticEnv() []string {
	env := os.Environ()
	if cacheHome != "" {
		env = append(env, "XDG_CACHE_HOME="+cacheHome)
	}
	return append(env,
		"PATH="+filepath.Dir(binary)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOPATH="+goEnv.GOPATH,
		"GOMODCACHE="+goEnv.GOMODCACHE,
		"GOCACHE="+goEnv.GOCACHE,
		"GOENV=off",
		"GOFLAGS=-mod=mod",
		"GOPROXY=off",
		"GOSUMDB=off",
		"GOTOOLCHAIN=local",
		"GOWORK=off",
		"GO111MODULE=on",
	)
}

// runIn runs name with args in dir and returns its stdout, stderr and error.
func runIn(dir, name string, args ...string) (stdout, stderr string, err error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = hermeticEnv()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.String(), errb.String(), err
}

var posnLine = regexp.MustCompile(`^(.*):([0-9]+):[0-9]+$`)

// TestExampleModule checks the complete set of diagnostics on the bundled
// example codebase: every expected site at the right line, nothing else.
func TestExampleModule(t *testing.T) {
	t.Parallel()
	dir := exampleDir(t)
	stdout, stderr, err := runIn(dir, binary, "-json", "./...")
	require.NoError(t, err, "bearercheck -json ./...: %s", stderr)

	got := collectJSON(t, dir, stdout)
	for _, analyzer := range slices.Sorted(maps.Keys(exampleWant)) {
		want := slices.Sorted(slices.Values(exampleWant[analyzer]))
		require.Equal(t, want, got[analyzer], "analyzer %s", analyzer)
	}
	for analyzer := range got {
		_, known := exampleWant[analyzer]
		require.True(t, known, "unexpected analyzer %s: %v", analyzer, got[analyzer])
	}
}

// TestExampleModuleVet checks that go vet -vettool reports exactly what the
// standalone command reports, for every analyzer: facts cross package
// boundaries through vet's .vetx files as they do in the standalone driver.
func TestExampleModuleVet(t *testing.T) {
	slowtest.Skip(t)
	dir := exampleDir(t)
	stdout, stderr, err := runIn(dir, binary, "-json", "./...")
	require.NoError(t, err, "bearercheck -json ./...: %s", stderr)
	standalone := collectJSON(t, dir, stdout)

	vetOut, vetErr, _ := runIn(dir, "go", "vet", "-vettool="+binary, "-json", "./...")
	// go vet -json writes one JSON tree per package, each after a "# pkg"
	// comment line (to stderr, or stdout depending on the go version).
	var trees strings.Builder
	for _, line := range strings.Split(vetOut+"\n"+vetErr, "\n") {
		if !strings.HasPrefix(line, "#") {
			trees.WriteString(line + "\n")
		}
	}
	vet := collectJSON(t, dir, trees.String())
	require.Equal(t, standalone, vet)
	require.NotEmpty(t, vet["taskauth"], "cross-package facts reach taskauth under go vet")
}

// eachDiag calls fn for each diagnostic in a stream of go/analysis JSON
// trees, its position made relative to dir with forward slashes.
func eachDiag(t *testing.T, dir, data string, fn func(analyzer string, d jsonDiag)) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		require.NoError(t, dec.Decode(&tree), "output:\n%s", data)
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []jsonDiag
				require.NoError(t, json.Unmarshal(raw, &diags), "%s %s: %s", pkg, analyzer, raw)
				for _, d := range diags {
					d.Posn = strings.TrimPrefix(filepath.ToSlash(d.Posn), filepath.ToSlash(dir)+"/")
					fn(analyzer, d)
				}
			}
		}
	}
}

// collectJSON returns the sorted file:line of each diagnostic, per
// analyzer, in a stream of go/analysis JSON trees. A package with _test.go
// files appears twice (as "p [p.test]"), so duplicates are dropped.
func collectJSON(t *testing.T, dir, data string) map[string][]string {
	t.Helper()
	got := map[string][]string{}
	seen := map[string]bool{}
	eachDiag(t, dir, data, func(analyzer string, d jsonDiag) {
		m := posnLine.FindStringSubmatch(d.Posn)
		require.NotNil(t, m, "bad posn %q", d.Posn)
		if key := analyzer + " " + m[1] + ":" + m[2]; !seen[key] {
			seen[key] = true
			got[analyzer] = append(got[analyzer], m[1]+":"+m[2])
		}
		require.NotContains(t, d.Message, "EXAMPLE0000", "secret leaked in %s", d.Posn)
	})
	for analyzer := range got {
		slices.Sort(got[analyzer])
	}
	return got
}

// TestExampleModuleFix applies -fix to a copy of the example codebase: the
// result must build and vet, a second -fix must change nothing, and the
// two provider sites of EXPECTED.md must be rewritten as before.
func TestExampleModuleFix(t *testing.T) {
	slowtest.Skip(t)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(exampleDir(t))))

	// -fix lists the findings that remain (those with no fix) and exits 3.
	stdout, stderr, err := runIn(dir, binary, "-fix", "./...")
	requireExit(t, 3, err, "bearercheck -fix: %s", stderr)
	// Positions are in the files as written: the credential's line moved.
	require.Regexp(t, `(?m)^admin/admin\.go:\d+:34: Authorization header hard-codes a Bearer credential`, stdout, "a hard-coded credential remains")
	require.NotRegexp(t, `(?m)^admin/admin\.go:\d+:\d+: .*c\.creds\.AuthorizationHeaderValue`, stdout, "the provider sites are fixed")
	fixed := snapshot(t, dir)

	admin := fixed["admin/admin.go"]
	for _, want := range []string{
		`req.Header["Authorization"] = []string{c.creds.AuthorizationHeaderValue()}`,
		`if authz := p.AuthorizationHeaderValue(); authz != "" {`,
		`req.Header.Set("Authorization", authz)`,
	} {
		require.True(t, strings.Contains(admin, want), "admin/admin.go after -fix lacks %s", want)
	}
	require.False(t, strings.Contains(admin, `"fmt"`), "admin/admin.go after -fix still imports the unused fmt")
	// The raw-token paths of the other packages migrate too: TestMigrate
	// runs their behaviour tests on the result.
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		_, stderr, err := runIn(dir, "go", args...)
		require.NoError(t, err, "go %s after -fix: %s", strings.Join(args, " "), stderr)
	}
	out, _, err := runIn(dir, "gofmt", "-l", ".")
	require.NoError(t, err)
	require.Empty(t, out, "files not gofmt-clean after -fix")

	_, stderr, err = runIn(dir, binary, "-fix", "./...")
	requireExit(t, 3, err, "second bearercheck -fix: %s", stderr)
	require.Equal(t, fixed, snapshot(t, dir), "second -fix changed files")
}

// requireExit requires err to be an exit with status code.
func requireExit(t *testing.T, code int, err error, msgAndArgs ...any) {
	t.Helper()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, msgAndArgs...)
	require.Equal(t, code, exit.ExitCode(), msgAndArgs...)
}

// snapshot returns the contents of every .go file under dir by slash path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	require.NoError(t, err)
	return files
}
