// Package determinism tests that bearercheck says the same thing every
// time: the same input, analysed again in the same process or in another
// one, gives byte-identical output. Run it with the race detector:
//
//	go test -race ./internal/determinism
package determinism

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/bearerheader"
	"github.com/bearercheck/bearercheck/analyzers/bearerhelper"
	"github.com/bearercheck/bearercheck/analyzers/taskauth"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/output"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

const runs = 20

// module writes a module with findings in a package that does not
// type-check and ignore directives for every analyzer, and returns its
// directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	}
	return dir
}

var fixture = map[string]string{
	"go.mod": "module example.com/det\n\ngo 1.26\n",
	// A package that does not type-check: its findings are reported by
	// every analyzer, whichever runs first.
	// No imports: loading is cheap, so the analysis runs many times.
	"bad/bad.go": `package bad

// SetAuth is a root helper in a package that does not type-check.
func SetAuth(h map[string]string, tok string) {
	h["Authorization"] = "Bearer " + tok
	undefinedHelper(h)
}

//bearercheck:ignore
var x = 1
`,
	"task/task.go": `package task

import "example.com/det/bad"

type AgentTask struct{ ID string }

func Do(h map[string]string, task *AgentTask, tok string) {
	bad.SetAuth(h, tok) //bearercheck:ignore
}
`,
}

// load loads the packages of dir.
func load(t *testing.T, dir string) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true}, "./...")
	require.NoError(t, err)
	require.NotEmpty(t, pkgs)
	return pkgs
}

// analyse runs the analyzers over pkgs and returns the JSON output and
// the analyzer errors.
func analyse(t *testing.T, as []*analysis.Analyzer, pkgs []*packages.Package) (string, []string) {
	t.Helper()
	graph, err := checker.Analyze(as, pkgs, nil)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, graph.PrintJSON(&buf))
	var errs []string
	for act := range graph.All() {
		if act.Err != nil {
			errs = append(errs, act.String()+": "+act.Err.Error())
		}
	}
	return buf.String(), errs
}

// TestInProcess analyses the same packages again and again in one process,
// with fresh analyzers from the constructor and with the exported Analyzer
// variables: every run reports the same, including the findings in the
// package that does not type-check and each directive problem once.
func TestInProcess(t *testing.T) {
	pkgs := load(t, module(t, fixture))
	exported := []*analysis.Analyzer{bearerheader.Analyzer, bearerhelper.Analyzer, taskauth.Analyzer}
	first, errs := analyse(t, exported, pkgs)
	require.Empty(t, errs, "a type error is the driver's to report, never an analyzer's")
	for _, want := range []string{
		`"message": "Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue() (no fix: set token-adapter`,
		`"message": "SetAuth is a bearer-only helper`,
		`"message": "call to bearer-only helper bad.SetAuth ignores agent task task`,
	} {
		assert.Contains(t, first, want)
	}
	assert.Equal(t, 2, strings.Count(first, "bearercheck:ignore directive needs a reason"), "each directive problem once")
	assert.NotContains(t, first, "does not type-check")

	for i := range runs - 1 {
		as := exported
		if i%2 == 0 {
			as = analyzers.New(config.NewFlagOptions()).Reporting()
		}
		got, errs := analyse(t, as, pkgs)
		require.Empty(t, errs)
		require.Equal(t, first, got, "run %d", i+2)
	}

	// Any subset of the analyzers, in any order, reports the directive
	// problems once: the output policy selects, after every analyzer ran.
	graph, err := checker.Analyze(analyzers.New(config.NewFlagOptions()).Reporting(), pkgs, nil)
	require.NoError(t, err)
	all, _ := output.Collect(graph)
	for _, names := range [][]string{{bearerhelper.Name}, {taskauth.Name}, {taskauth.Name, bearerhelper.Name}} {
		n := 0
		for _, f := range output.Select(all, names) {
			if strings.Contains(f.Message, "bearercheck:ignore directive needs a reason") {
				n++
			}
		}
		assert.Equal(t, 2, n, "%v", names)
	}
}

// TestBrokenConfigEveryRun checks that an invalid configuration fails
// every run in a process, not only the first.
func TestBrokenConfigEveryRun(t *testing.T) {
	files := map[string]string{".bearercheck.yml": "provider-methd: X\n"}
	for k, v := range fixture {
		files[k] = v
	}
	dir := module(t, files)
	pkgs := load(t, dir)
	opts := config.NewFlagOptions()
	for i := range 3 {
		err := opts.Check([]string{filepath.Join(dir, "task")})
		require.Error(t, err, "run %d", i+1)
		assert.Contains(t, err.Error(), `unknown key "provider-methd"`)
		_, errs := analyse(t, analyzers.New(opts).Reporting(), pkgs)
		assert.NotEmpty(t, errs, "run %d: analysis under a driver that did not check first fails too", i+1)
	}
}

// TestProcesses runs the command, built with the race detector, again and
// again on the bundled example and on a package that does not type-check:
// the output is byte-identical every time. It runs under go test -race
// (as .ci/run does), where it costs minutes. The runs use no cache.
func TestProcesses(t *testing.T) {
	if !raceEnabled {
		t.Skip("run with -race: go test -race ./internal/determinism")
	}
	bin := filepath.Join(t.TempDir(), "bearercheck")
	out, err := exec.Command("go", "build", "-race", "-o", bin, "../../cmd/bearercheck").CombinedOutput()
	require.NoError(t, err, "%s", out)
	example, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
	require.NoError(t, err)
	bad := module(t, fixture)

	// Each invocation runs 20 times, two processes at a time; every
	// output is compared with the first. No run uses a cache: each one
	// analyses every package, so a race in the analysis has 20 chances
	// to show, and the user's cache is neither read nor written.
	invocations := [][]string{
		{"-C", bad, "-cache=off", "./..."},
		{"-C", example, "-cache=off", "-c", "1", "./..."},
		{"-C", example, "-cache=off", "-json", "./..."},
	}
	outputs := make([][]string, len(invocations))
	for j := range outputs {
		outputs[j] = make([]string, runs)
	}
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i := range runs {
		for j, args := range invocations {
			if j > 0 && i%2 != j-1 {
				continue // the example: 20 runs, text and -json in turn
			}
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				cmd := exec.Command(bin, args...)
				cmd.Env = append(os.Environ(), "GORACE=halt_on_error=1")
				var buf bytes.Buffer
				cmd.Stdout, cmd.Stderr = &buf, &buf
				_ = cmd.Run() // findings and type errors exit non-zero
				outputs[j][i] = buf.String()
			}()
		}
	}
	wg.Wait()
	first := make([]string, len(invocations))
	for j, outs := range outputs {
		for i, out := range outs {
			if out == "" && j > 0 && i%2 != j-1 {
				continue
			}
			assert.NotContains(t, out, "DATA RACE")
			if first[j] == "" {
				first[j] = out
				continue
			}
			assert.Equal(t, first[j], out, "run %d of %v", i+1, invocations[j])
		}
	}
	assert.Equal(t, 1, strings.Count(first[0], "undefined: undefinedHelper"), "the type error once:\n%s", first[0])
	assert.Contains(t, first[1], "admin.go:86:34: Authorization header hard-codes a Bearer credential")
}
