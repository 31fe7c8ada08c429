package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCorpusAccuracy runs bearercheck -json over the real-world corpus and
// scores it against labels.tsv. It is slow and needs the corpus modules, so
// it runs only with BEARERCHECK_CORPUS=1. Environment:
//
//	BEARERCHECK_CORPUS=1      run the test
//	BEARERCHECK_CORPUS_DIR    corpus directory (default ../../../shared/corpus)
//	BEARERCHECK_BIN           use this binary instead of building ./cmd/bearercheck
func TestCorpusAccuracy(t *testing.T) {
	if os.Getenv("BEARERCHECK_CORPUS") != "1" {
		t.Skip("set BEARERCHECK_CORPUS=1 to score bearercheck against the corpus")
	}
	dir := os.Getenv("BEARERCHECK_CORPUS_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}

	labelsFile, err := os.Open(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer labelsFile.Close()
	labels, err := ParseLabels(labelsFile)
	if err != nil {
		t.Fatal(err)
	}
	pkgList, err := os.ReadFile(filepath.Join(dir, "packages.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pkgs := strings.Fields(string(pkgList))
	if len(pkgs) == 0 {
		t.Fatal("packages.txt lists no packages")
	}

	// Stop child processes before the test binary's -timeout panics, so
	// that a slow run fails with a message instead of a goroutine dump.
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-30*time.Second))
		defer cancel()
	}

	run(t, ctx, dir, "go", "mod", "download")

	bin := os.Getenv("BEARERCHECK_BIN")
	if bin == "" {
		bin = filepath.Join(t.TempDir(), "bearercheck")
		run(t, ctx, filepath.Join("..", ".."), "go", "build", "-o", bin, "github.com/bearercheck/bearercheck/cmd/bearercheck")
	}

	// Default flags, test packages included: weaviate's test variant
	// imports a package that does not type-check here. It must be named
	// once, as a warning, the run must complete with exit status 0 (-json),
	// and no analyzer of a corpus package may fail.
	cmd := exec.CommandContext(ctx, bin, append([]string{"-json"}, pkgs...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exitErr *exec.ExitError
	if ctx.Err() != nil {
		t.Fatalf("%s: %v (raise go test -timeout)\nstderr:\n%s", bin, ctx.Err(), stderr.String())
	}
	if runErr != nil && !errors.As(runErr, &exitErr) {
		t.Fatalf("running %s: %v", bin, runErr)
	}
	if runErr != nil {
		t.Errorf("bearercheck -json: %v, want exit status 0", runErr)
	}
	if stderr.Len() > 0 {
		t.Logf("bearercheck stderr (exit %v):\n%s", runErr, stderr.String())
		seen := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			if !strings.HasPrefix(line, "bearercheck: warning: dependency ") {
				t.Errorf("stderr: %q is not a warning about a broken dependency", line)
			}
			if seen[line] {
				t.Errorf("stderr repeats %q: a broken package must be named once", line)
			}
			seen[line] = true
		}
	}
	out, err := ParseOutput(&stdout)
	if err != nil {
		t.Fatalf("bearercheck -json (exit %v): %v\nstderr:\n%s", runErr, err, stderr.String())
	}

	mods, err := ParseModules(bytes.NewReader(run(t, ctx, dir, "go", "list", "-m", "-json", "all")))
	if err != nil {
		t.Fatal(err)
	}

	res := Score(Input{Labels: labels, Output: out, Modules: mods})
	var report strings.Builder
	if err := WriteReport(&report, res); err != nil {
		t.Fatal(err)
	}
	t.Logf("corpus %s, %d packages, %d labels, %d diagnostics\n%s",
		dir, len(pkgs), len(labels), len(out.Diagnostics), report.String())

	for _, l := range res.Misses {
		t.Errorf("miss: %s %s", l.Category, l)
	}
	for _, h := range res.FalsePositives {
		for _, d := range h.Diags {
			t.Errorf("false positive: %s: %s: %s (%s)", d.Posn, d.Analyzer, d.Message, h.Label.Func)
		}
	}
	for _, e := range res.Errors {
		t.Errorf("%s", e)
	}
}

// run runs a command in dir and returns its stdout; it fails the test
// with the command's stderr on error.
func run(t *testing.T, ctx context.Context, dir, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ctx.Err() != nil {
		err = fmt.Errorf("%v (raise go test -timeout)", ctx.Err())
	}
	if err != nil {
		t.Fatalf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, stderr.String())
	}
	return out
}
