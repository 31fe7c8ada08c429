// Package golangci holds the end-to-end test of the golangci-lint module
// plugin (package plugin). The custom golangci-lint it builds lives in the
// nested module custom/, so that this module does not depend on
// golangci-lint.
package golangci

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// golangciVersion is the golangci-lint version required by custom/go.mod.
const golangciVersion = "2.15.0"

var analyzerNames = []string{"bearerheader", "bearerhelper", "taskauth"}

// related is the suffix golangci-lint adds to the analyzer name in the text
// of an issue made of a diagnostic's related information.
const related = "(related information)"

// TestGolangciPlugin builds golangci-lint with the bearercheck plugin
// (custom/), runs it on a copy of testdata/example and checks that it
// reports exactly what the standalone command reports, per analyzer and
// position. It needs the golangci-lint module and its dependencies in the
// module cache (or a module proxy) and takes minutes on a cold build
// cache, so it runs only with BEARERCHECK_GOLANGCI=1.
func TestGolangciPlugin(t *testing.T) {
	if os.Getenv("BEARERCHECK_GOLANGCI") != "1" {
		t.Skip("set BEARERCHECK_GOLANGCI=1 to build golangci-lint with the bearercheck plugin and run it")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	tmp := t.TempDir()

	// The version salts golangci-lint's cache: derive it from the source
	// compiled into the binary so that a changed plugin is never served
	// results cached by an older build.
	hash, err := sourceHash(root)
	require.NoError(t, err)
	version := golangciVersion + "-custom-gcl-" + hash
	gcl := filepath.Join(tmp, "custom-gcl")
	start := time.Now()
	run(t, root, "go", "build", "-C", filepath.Join(root, "internal", "golangci", "custom"),
		"-ldflags", "-X main.version="+version, "-o", gcl, ".")
	t.Logf("built %s in %v", gcl, time.Since(start).Round(time.Millisecond))
	require.Equal(t, version, strings.TrimSpace(run(t, root, gcl, "version", "--short")),
		"-X main.version must reach golangci-lint (it salts the cache)")

	bc := filepath.Join(tmp, "bearercheck")
	run(t, root, "go", "build", "-o", bc, "./cmd/bearercheck")

	dir := filepath.Join(tmp, "example")
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join(root, "testdata", "example"))))

	standaloneDefault := standalone(t, bc, dir)
	require.Len(t, standaloneDefault["taskauth"], 5, "the example's taskauth findings")
	standaloneAllow := standalone(t, bc, dir, "-allow=example.com/acmeclient/stream,example.com/acmeclient/admin.SignedHeaders")
	require.NotEqual(t, standaloneDefault, standaloneAllow, "-allow must change the findings")

	// golangci-lint settings win over any .bearercheck.yml: this one would
	// exempt every package.
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".bearercheck.yml"),
		[]byte("allow: [example.com/acmeclient/...]\n"), 0o644))
	// (An unused //bearercheck:ignore directive is still reported.)
	withFile := standalone(t, bc, dir)
	require.Empty(t, withFile["taskauth"], ".bearercheck.yml must exempt everything in the standalone run")
	require.Empty(t, withFile["bearerhelper"], ".bearercheck.yml must exempt everything in the standalone run")

	cache := filepath.Join(tmp, "golangci-cache")
	for _, tc := range []struct {
		name     string
		settings string
		want     map[string][]string
	}{
		{"no settings", "", standaloneDefault},
		{"defaults", "settings:\n          provider-method: AuthorizationHeaderValue\n          include-tests: false\n", standaloneDefault},
		{"allow", "settings:\n          allow:\n            - example.com/acmeclient/stream\n            - example.com/acmeclient/admin.SignedHeaders\n", standaloneAllow},
		{"no settings, cached", "", standaloneDefault},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := filepath.Join(dir, ".golangci.yml")
			require.NoError(t, os.WriteFile(cfg, []byte(golangciConfig(tc.settings)), 0o644))
			start := time.Now()
			got := golangci(t, gcl, dir, cache)
			t.Logf("golangci-lint run in %v", time.Since(start).Round(time.Millisecond))
			require.Equal(t, tc.want, got)
		})
	}

	// With the output configuration of docs/integrations.md the text output names the
	// hard-coded credential of the example but never prints its line.
	t.Run("text output without issued lines", func(t *testing.T) {
		cfg := filepath.Join(dir, ".golangci.yml")
		require.NoError(t, os.WriteFile(cfg, []byte(golangciConfig("")+
			"output:\n  formats:\n    text:\n      print-issued-lines: false\n"), 0o644))
		cmd := exec.Command(gcl, "run", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache)
		out, _ := cmd.CombinedOutput()
		require.Contains(t, string(out), "admin/admin.go:86:34: ")
		require.NotContains(t, string(out), "EXAMPLE0000")
	})

	t.Run("bad settings", func(t *testing.T) {
		cfg := filepath.Join(dir, ".golangci.yml")
		require.NoError(t, os.WriteFile(cfg, []byte(golangciConfig("settings:\n          token-method: [BearerToken]\n")), 0o644))
		cmd := exec.Command(gcl, "run", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache)
		out, err := cmd.CombinedOutput()
		require.Error(t, err, "%s", out)
		require.Contains(t, string(out), `unknown key "token-method"`)
	})
}

// golangciConfig returns a .golangci.yml that enables only bearercheck with
// the given settings block (indented under the plugin) and reports every
// issue, generated files included.
func golangciConfig(settings string) string {
	return `version: "2"
linters:
  default: none
  enable:
    - bearercheck
  exclusions:
    generated: disable # bearercheck reports generated clients (docs/integrations.md)
  settings:
    custom:
      bearercheck:
        type: module
        description: hard-coded bearer Authorization headers, bearer-only helpers, ignored agent tasks
        ` + settings + `
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`
}

// standalone runs the bearercheck command with -json in dir and returns,
// per analyzer, the sorted file:line:col (relative to dir) of its findings,
// and under "<analyzer>(related information)" where golangci-lint reports
// their related information.
func standalone(t *testing.T, bc, dir string, flags ...string) map[string][]string {
	t.Helper()
	out := run(t, dir, bc, append(append([]string{"-json"}, flags...), "./...")...)
	var tree map[string]map[string]json.RawMessage // package -> analyzer -> diagnostics or error
	require.NoError(t, json.Unmarshal([]byte(out), &tree), "%s", out)
	got := map[string][]string{}
	for pkg, byAnalyzer := range tree {
		for a, raw := range byAnalyzer {
			var diags []struct {
				Posn    string `json:"posn"`
				Related []struct {
					Posn string `json:"posn"`
				} `json:"related"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("bearercheck: %s: %s: %s", pkg, a, raw)
			}
			for _, d := range diags {
				p := relPosn(t, dir, d.Posn)
				got[a] = append(got[a], p)
				// golangci-lint reports related information as issues of
				// their own, at the diagnostic's position when in another file.
				for _, r := range d.Related {
					rp := relPosn(t, dir, r.Posn)
					if file(rp) != file(p) {
						rp = p
					}
					got[a+related] = append(got[a+related], rp)
				}
			}
		}
	}
	return sorted(got)
}

// golangci runs the custom golangci-lint in dir with JSON output and
// returns, per analyzer, the sorted file:line:col (relative to dir) of the
// bearercheck issues. golangci-lint names the linter (bearercheck) and
// prefixes the text with the analyzer name, as it does for every linter
// with several analyzers.
func golangci(t *testing.T, gcl, dir, cache string) map[string][]string {
	t.Helper()
	cmd := exec.Command(gcl, "run", "--output.json.path=stdout", "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	// Exit status 1 means "issues found".
	if ee := (*exec.ExitError)(nil); err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		t.Fatalf("%s: %v\n%s%s", cmd, err, stdout.Bytes(), stderr.Bytes())
	}
	if stderr.Len() > 0 {
		t.Logf("golangci-lint stderr:\n%s", stderr.Bytes())
	}
	var res struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &res), "%s", stdout.Bytes())
	got := map[string][]string{}
	for _, is := range res.Issues {
		require.Equal(t, "bearercheck", is.FromLinter, "issue %+v", is)
		a, _, ok := strings.Cut(is.Text, ": ")
		require.True(t, ok && slices.Contains(analyzerNames, strings.TrimSuffix(a, related)),
			"issue text %q does not start with an analyzer name", is.Text)
		file := is.Pos.Filename
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		got[a] = append(got[a], relPosn(t, dir, fmt.Sprintf("%s:%d:%d", file, is.Pos.Line, is.Pos.Column)))
	}
	return sorted(got)
}

// relPosn makes the file of a file:line:col position relative to dir, with
// forward slashes.
func relPosn(t *testing.T, dir, posn string) string {
	t.Helper()
	i := strings.LastIndex(posn, ":")
	j := strings.LastIndex(posn[:max(i, 0)], ":")
	require.True(t, j > 0, "bad position %q", posn)
	_, err1 := strconv.Atoi(posn[j+1 : i])
	_, err2 := strconv.Atoi(posn[i+1:])
	require.True(t, err1 == nil && err2 == nil, "bad position %q", posn)
	rel, err := filepath.Rel(dir, posn[:j])
	require.NoError(t, err)
	return filepath.ToSlash(rel) + posn[j:]
}

// file returns the file of a file:line:col position.
func file(posn string) string {
	posn = posn[:strings.LastIndex(posn, ":")]
	return posn[:strings.LastIndex(posn, ":")]
}

// sorted sorts and deduplicates the positions of each analyzer: the
// standalone command's JSON lists a package's findings once per variant
// (the package and the package with its tests), golangci-lint once.
func sorted(m map[string][]string) map[string][]string {
	for _, k := range slices.Collect(maps.Keys(m)) {
		slices.Sort(m[k])
		m[k] = slices.Compact(m[k])
	}
	return m
}

// run runs name with args in dir and returns its standard output; it fails
// the test if the command fails.
func run(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s%s", cmd, err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.String()
}

// sourceHash returns a short content hash of the files under root that are
// compiled into the custom golangci-lint: every .go file, go.mod and go.sum
// outside testdata, hidden files and hidden directories. It is what docs/integrations.md passes as
// -X main.version; the shell equivalent is
//
//	find . -path '*/testdata' -prune -o -name '.?*' -prune -o \
//	    -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print |
//	    LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16
func sourceHash(root string) (string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") || d.IsDir() && name == "testdata" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type().IsRegular() && (strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum") {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			files = append(files, "./"+filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	slices.Sort(files)
	// sha256sum's output, hashed: "<hex>  <path>\n" per file.
	sum := sha256.New()
	for _, f := range files {
		h := sha256.New()
		r, err := os.Open(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return "", err
		}
		_, err = io.Copy(h, r)
		r.Close()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(sum, "%s  %s\n", hex.EncodeToString(h.Sum(nil)), f)
	}
	return hex.EncodeToString(sum.Sum(nil))[:16], nil
}

// TestSourceHashShell checks that the shell command in sourceHash's comment
// (the one docs/integrations.md shows) computes the same hash.
func TestSourceHashShell(t *testing.T) {
	for _, tool := range []string{"sh", "find", "sort", "xargs", "sha256sum", "cut"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	want, err := sourceHash(root)
	require.NoError(t, err)
	got := run(t, root, "sh", "-c", `find . -path '*/testdata' -prune -o -name '.?*' -prune -o \
    -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print |
    LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16`)
	require.Equal(t, want, strings.TrimSpace(got))
}
