// Package e2e runs the bearercheck binary end to end, as users run it:
// standalone, as a go vet tool and as a go fix tool, over small modules
// embedded in the testscript files under testdata/.
//
// Run with
//
//	go test ./internal/e2e
//
// TestMain builds cmd/bearercheck once. To test a binary built elsewhere,
// set BEARERCHECK_BIN to its path. The scripts need no network: every
// embedded module is self-contained and the go command runs with
// GOPROXY=off and GOTOOLCHAIN=local.
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"testing"

	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/rogpeppe/go-internal/testscript"
)

const mainPkg = "github.com/bearercheck/bearercheck/cmd/bearercheck"

// binary is the absolute path of the bearercheck binary under test.
var binary string

// cacheHome is the XDG_CACHE_HOME of the runs: where bearercheck's cache
// is unless a run says otherwise ("" keeps the caller's).
var cacheHome string

// goEnv holds the go command settings the scripts inherit, so that they
// share the caller's build cache and module cache.
var goEnv struct {
	GOPATH     string
	GOMODCACHE string
	GOCACHE    string
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if err := loadGoEnv(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	if bin := os.Getenv("BEARERCHECK_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
		binary = abs
		return m.Run()
	}

	tmp, err := os.MkdirTemp("", "bearercheck-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	// Runs share a cache of their own, not the user's.
	cacheHome = filepath.Join(tmp, "cache")
	binary, err = build(tmp)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}

// loadGoEnv records the go command's own view of its cache locations.
func loadGoEnv() error {
	out, err := exec.Command("go", "env", "-json", "GOPATH", "GOMODCACHE", "GOCACHE").Output()
	if err != nil {
		return fmt.Errorf("go env: %w", err)
	}
	return json.Unmarshal(out, &goEnv)
}

// build compiles cmd/bearercheck into dir and returns the binary's path.
func build(dir string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	exe := filepath.Join(dir, "bearercheck")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", exe, mainPkg)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", mainPkg, err, stderr.Bytes())
	}
	return exe, nil
}

// moduleRoot returns the directory of the bearercheck module's go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := string(bytes.TrimSpace(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside the bearercheck module (GOMOD=%q)", gomod)
	}
	return filepath.Dir(gomod), nil
}

// quickScripts are the scripts of the default tier: the plain run, its
// flags, JSON and a package that does not type-check. The others (fixes,
// go vet and go fix, caches, directives, generated code, secrets) run in
// the slow tier, as .ci/run does.
var quickScripts = []string{"flags", "json", "standalone", "typeerror"}

func TestScripts(t *testing.T) {
	dir, files := "testdata", []string(nil)
	if !slowtest.Enabled() {
		dir = "" // testscript reads Files only without a Dir
		for _, name := range quickScripts {
			files = append(files, filepath.Join("testdata", name+".txtar"))
		}
	}
	testscript.Run(t, testscript.Params{
		Dir:   dir,
		Files: files,
		Setup: setup,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"jsondiag": cmdJSONDiag,
		},
	})
}

// setup puts the binary on PATH and makes the go command hermetic and
// offline inside the script's $WORK directory.
func setup(env *testscript.Env) error {
	binDir := filepath.Dir(binary)
	env.Setenv("PATH", binDir+string(os.PathListSeparator)+env.Getenv("PATH"))
	env.Setenv("BEARERCHECK", binary)

	env.Setenv("HOME", os.Getenv("HOME"))
	env.Setenv("GOPATH", goEnv.GOPATH)
	env.Setenv("GOMODCACHE", goEnv.GOMODCACHE)
	env.Setenv("GOCACHE", goEnv.GOCACHE)
	env.Setenv("GOENV", "off")
	env.Setenv("GOFLAGS", "-mod=mod")
	env.Setenv("GOPROXY", "off")
	env.Setenv("GOSUMDB", "off")
	env.Setenv("GONOSUMDB", "*")
	env.Setenv("GOTOOLCHAIN", "local")
	env.Setenv("GOWORK", "off")
	env.Setenv("GO111MODULE", "on")
	return nil
}

// jsonDiag is one diagnostic in the go/analysis JSON tree printed by -json.
type jsonDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

// cmdJSONDiag implements the jsondiag script command:
//
//	jsondiag [-count=N] package analyzer posn-regexp [message-regexp]
//
// It parses the standard output of the previous command as the JSON tree
// that go/analysis drivers print with -json,
//
//	{"<package>": {"<analyzer>": [{"posn": ..., "message": ...}] | {"error": ...}}}
//
// and counts the diagnostics of analyzer in package whose posn matches
// posn-regexp and whose message matches message-regexp. It fails unless
// there is at least one (or exactly N with -count=N); negated, it fails if
// there is any. An analyzer error entry or malformed JSON always fails.
func cmdJSONDiag(ts *testscript.TestScript, neg bool, args []string) {
	want := -1
	if len(args) > 0 && len(args[0]) > len("-count=") && args[0][:len("-count=")] == "-count=" {
		n, err := strconv.Atoi(args[0][len("-count="):])
		ts.Check(err)
		want = n
		args = args[1:]
	}
	if len(args) < 3 || len(args) > 4 {
		ts.Fatalf("usage: jsondiag [-count=N] package analyzer posn-regexp [message-regexp]")
	}
	pkg, analyzer := args[0], args[1]
	posnRE, err := regexp.Compile(args[2])
	ts.Check(err)
	msgRE := regexp.MustCompile("")
	if len(args) == 4 {
		msgRE, err = regexp.Compile(args[3])
		ts.Check(err)
	}

	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(ts.ReadFile("stdout")), &tree); err != nil {
		ts.Fatalf("stdout is not a go/analysis JSON tree: %v", err)
	}
	for p, byAnalyzer := range tree {
		for a, raw := range byAnalyzer {
			if len(raw) > 0 && raw[0] == '{' {
				ts.Fatalf("analyzer %s failed on %s: %s", a, p, raw)
			}
		}
	}

	var diags []jsonDiag
	if raw, ok := tree[pkg][analyzer]; ok {
		if err := json.Unmarshal(raw, &diags); err != nil {
			ts.Fatalf("%s %s: %v", pkg, analyzer, err)
		}
	}
	n := 0
	for _, d := range diags {
		if d.Message == "" {
			ts.Fatalf("%s %s: diagnostic at %s has no message", pkg, analyzer, d.Posn)
		}
		if posnRE.MatchString(filepath.ToSlash(d.Posn)) && msgRE.MatchString(d.Message) {
			n++
		}
	}
	switch {
	case neg && n > 0:
		ts.Fatalf("%s %s: %d diagnostics match, want none", pkg, analyzer, n)
	case !neg && want >= 0 && n != want:
		ts.Fatalf("%s %s: %d diagnostics match, want %d", pkg, analyzer, n, want)
	case !neg && want < 0 && n == 0:
		ts.Fatalf("%s %s: no diagnostic matches", pkg, analyzer)
	}
}
