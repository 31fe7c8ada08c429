package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/slowtest"
)

// binary is the command under test, built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "bearercheck-cmd-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		binary = filepath.Join(dir, "bearercheck")
		if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
			return 1
		}
		return m.Run()
	}())
}

// module is a small module: a clean package, one with a finding, one with
// a fixable finding, one that does not type-check and one with an invalid
// configuration.
var module = map[string]string{
	"go.mod":                  "module example.com/codes\n\ngo 1.26\n",
	"clean/clean.go":          "package clean\n\n// OK does nothing.\nfunc OK() {}\n",
	"bad/bad.go":              "package bad\n\nimport \"net/http\"\n\n// Set authorizes h.\nfunc Set(h http.Header, tok string) {\n\th.Set(\"Authorization\", \"Bearer \"+tok)\n}\n",
	"broken/broken.go":        "package broken\n\n// F calls what is not there.\nfunc F() { undefinedHelper() }\n",
	"badcfg/.bearercheck.yml": "provider-methd: X\n",
	"badcfg/badcfg.go":        "package badcfg\n",
	"fixme/fixme.go": `package fixme

import "net/http"

// P provides credentials.
type P struct{ tok string }

// AuthorizationHeaderValue is the sanctioned header value.
func (p *P) AuthorizationHeaderValue() string { return "Bearer " + p.tok }

// BearerToken returns the raw token.
func (p *P) BearerToken() string { return p.tok }

// Set authorizes req.
func Set(req *http.Request, p *P) {
	req.Header.Set("Authorization", "Bearer "+p.BearerToken())
}
`,
}

// writeModule writes module into a new temporary directory.
func writeModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range module {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	return dir
}

// run runs the binary (or, with name set, another command) in dir and
// returns its standard output, standard error and exit code.
func run(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if name == "" {
		name = binary
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local",
		"XDG_CACHE_HOME="+filepath.Join(dir, ".cache"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out.String(), errb.String(), code
}

// TestExitCodes checks the one exit-code scheme of every mode: 0 clean or
// gate passed (and findings in a machine format), 1 could not run, 2
// usage, 3 findings or gate failed; as a vet tool, the go command's own.
func TestExitCodes(t *testing.T) {
	dir := writeModule(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"lint clean", []string{"./clean"}, exitOK},
		{"lint findings", []string{"./bad"}, exitFindings},
		{"lint findings -c", []string{"-c=1", "./bad"}, exitFindings},
		{"lint findings json", []string{"-format", "json", "./bad"}, exitOK},
		{"lint findings -json", []string{"-json", "./bad"}, exitOK},
		{"lint findings sarif", []string{"-format=sarif", "./bad"}, exitOK},
		{"lint -diff all fixed", []string{"-diff", "./fixme"}, exitOK},
		{"lint -diff findings remain", []string{"-diff", "./bad", "./fixme"}, exitFindings},
		{"lint type error", []string{"./broken"}, exitError},
		{"lint type error json", []string{"-json", "./broken"}, exitError},
		{"lint no such package", []string{"./nosuch"}, exitError},
		{"lint invalid configuration", []string{"./badcfg"}, exitError},
		{"lint unknown flag", []string{"-nosuch", "./..."}, exitUsage},
		{"lint unknown format", []string{"-format", "xml", "./..."}, exitUsage},
		{"lint no packages", nil, exitUsage},
		{"lint -h", []string{"-h"}, exitOK},
		{"help", []string{"help"}, exitOK},
		{"help analyzer", []string{"help", "taskauth"}, exitOK},
		{"help report", []string{"help", "report"}, exitOK},
		{"help unknown", []string{"help", "nosuch"}, exitUsage},
		{"version", []string{"version"}, exitOK},
		{"-V", []string{"-V"}, exitOK},
		{"-V=full", []string{"-V=full"}, exitOK},
		{"report clean", []string{"report", "./clean"}, exitOK},
		{"report remaining, no gate", []string{"report", "./bad"}, exitOK},
		{"report gate passed", []string{"report", "-require-complete", "./clean"}, exitOK},
		{"report gate failed", []string{"report", "-require-complete", "./bad"}, exitFindings},
		{"report min-complete failed", []string{"report", "-min-complete=50", "./bad"}, exitFindings},
		{"report type error", []string{"report", "./broken"}, exitError},
		{"report invalid configuration", []string{"report", "./badcfg"}, exitError},
		{"report missing baseline", []string{"report", "-baseline", "nosuch.json", "./clean"}, exitError},
		{"report unwritable -o", []string{"report", "-o", filepath.Join(dir, "nosuch", "r.txt"), "./clean"}, exitError},
		{"report unknown format", []string{"report", "-format", "pdf"}, exitUsage},
		{"report unknown flag", []string{"report", "-nosuch"}, exitUsage},
		{"report bad percentage", []string{"report", "-min-complete=101"}, exitUsage},
		{"report -h", []string{"report", "-h"}, exitOK},
		{"-C missing", []string{"-C"}, exitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := run(t, dir, "", tc.args...)
			assert.Equal(t, tc.code, code, "bearercheck %s\nstdout:\n%s\nstderr:\n%s", strings.Join(tc.args, " "), stdout, stderr)
		})
	}
	// As a vet tool the go command decides: go vet exits 1 on findings.
	t.Run("vet tool findings", func(t *testing.T) {
		slowtest.Skip(t) // go vet builds the export data of the standard library
		t.Parallel()
		_, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "./bad")
		assert.Equal(t, 1, code, stderr)
		assert.Contains(t, stderr, "bad/bad.go:7:")
	})
}

// TestStreams checks where output goes: findings (text, json, sarif) and
// diffs on standard output, errors and warnings on standard error, and a
// usage error as one line and where the usage is.
func TestStreams(t *testing.T) {
	dir := writeModule(t)
	t.Run("text", func(t *testing.T) {
		t.Parallel()
		stdout, stderr, _ := run(t, dir, "", "./bad")
		assert.Regexp(t, `^bad/bad\.go:6:6: Set is a bearer-only helper.* \(bearerhelper\)\nbad/bad\.go:7:25: Authorization header hard-codes the Bearer scheme.* \(bearerheader\)\n$`, stdout)
		assert.Empty(t, stderr)
	})
	for _, format := range []string{"json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, _ := run(t, dir, "", "-format", format, "./bad")
			assert.Contains(t, stdout, "bad.go")
			assert.Contains(t, stdout, "hard-codes the Bearer scheme")
			assert.Empty(t, stderr)
		})
	}
	t.Run("errors", func(t *testing.T) {
		t.Parallel()
		stdout, stderr, _ := run(t, dir, "", "./broken", "./bad")
		assert.Contains(t, stdout, "bad/bad.go:7:25: ")
		assert.NotContains(t, stdout, "undefined")
		assert.Contains(t, stderr, "bearercheck: package example.com/codes/broken does not type-check:\n")
		assert.Contains(t, stderr, "undefined: undefinedHelper")
	})
	t.Run("configuration", func(t *testing.T) {
		t.Parallel()
		stdout, stderr, _ := run(t, dir, "", "./badcfg")
		assert.Empty(t, stdout)
		assert.Regexp(t, `^bearercheck: config \S*\.bearercheck\.yml: line 1: unknown key "provider-methd"`, stderr)
		assert.NotContains(t, stderr, "bearercheck: bearercheck")
	})
	t.Run("diff", func(t *testing.T) {
		t.Parallel()
		stdout, stderr, _ := run(t, dir, "", "-diff", "./bad", "./fixme")
		assert.True(t, strings.HasPrefix(stdout, "--- a/fixme/fixme.go\n+++ b/fixme/fixme.go\n@@ "), stdout)
		assert.NotContains(t, stdout, "bad.go", "the remaining findings are not in the patch")
		assert.Contains(t, stderr, "bad/bad.go:7:25: ")
	})
	for _, tc := range []struct{ args, want []string }{
		{[]string{"-nosuch", "./..."}, []string{"bearercheck: flag provided but not defined: -nosuch", "run 'bearercheck -h' for usage"}},
		{[]string{"-format", "xml", "./..."}, []string{`bearercheck: unknown -format "xml" (want text, json, sarif)`, "run 'bearercheck -h' for usage"}},
		{[]string{"report", "-min-complete=x"}, []string{`bearercheck report: invalid value "x" for flag -min-complete: want a percentage from 0 to 100`, "run 'bearercheck report -h' for usage"}},
		{[]string{"help", "nosuch"}, []string{`bearercheck: help: unknown topic "nosuch" (want report or one of bearerheader, bearerhelper, taskauth)`, "run 'bearercheck -h' for usage"}},
	} {
		t.Run("usage error "+strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := run(t, dir, "", tc.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Equal(t, strings.Join(tc.want, "\n")+"\n", stderr)
		})
	}
}

// TestHelp checks -h, help, help <analyzer> and version.
func TestHelp(t *testing.T) {
	dir := t.TempDir()
	_, usage, code := run(t, dir, "", "-h")
	require.Equal(t, exitOK, code)
	assert.Contains(t, usage, "\tbearercheck report [flags] [packages]")
	assert.Contains(t, usage, "-format text")
	assert.Contains(t, usage, "Exit status")

	out, _, code := run(t, dir, "", "help")
	require.Equal(t, exitOK, code)
	for _, a := range analyzers.New(config.NewFlagOptions()).Reporting() {
		title, _, _ := strings.Cut(a.Doc, "\n")
		assert.Contains(t, out, "\t"+a.Name)
		assert.Contains(t, out, strings.TrimPrefix(title, a.Name+": "))

		// help <analyzer> prints the analyzer's section of its doc.go,
		// from the title under "# Analyzer name" to the next heading.
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "..", "analyzers", a.Name, "doc.go"), nil, parser.ParseComments|parser.PackageClauseOnly)
		require.NoError(t, err)
		_, section, ok := strings.Cut(f.Doc.Text(), "# Analyzer "+a.Name+"\n")
		require.True(t, ok, "doc.go of %s has no analyzer heading", a.Name)
		section, _, _ = strings.Cut(section, "\n# ")
		out, _, code := run(t, dir, "", "help", a.Name)
		require.Equal(t, exitOK, code)
		assert.Equal(t, strings.TrimSpace(section)+"\n\n"+a.URL+"\n", out)
	}

	out, _, code = run(t, dir, "", "help", "report")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "usage: bearercheck report [flags] [packages]")
	assert.Contains(t, out, "-write-baseline")

	for _, args := range [][]string{{"version"}, {"-V"}} {
		out, _, code := run(t, dir, "", args...)
		require.Equal(t, exitOK, code)
		assert.Regexp(t, `^bearercheck version (v\S+|\(devel\)( revision [0-9a-f]{1,12}(, modified)?)?) \(go1\.\S+\)\n$`, out)
	}
	// -V=full is the go command's tool ID query: name, "version", and for a
	// devel build a buildID that keys its vet cache.
	out, _, code = run(t, dir, "", "-V=full")
	require.Equal(t, exitOK, code)
	assert.Regexp(t, `^bearercheck version devel .* buildID=[0-9a-f]+\n$`, out)
}
