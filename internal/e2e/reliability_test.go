package e2e

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportGateInputs: the gate fails closed on inputs that are not what
// they claim to be, and text taken from source or from a baseline cannot
// write to the terminal.
func TestReportGateInputs(t *testing.T) {
	t.Parallel()
	dir := reportModule(t)
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	_, stderr, code := report(t, dir, "-write-baseline", baseline)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	good, err := os.ReadFile(baseline)
	require.NoError(t, err)
	write := func(t *testing.T, content string) string {
		name := filepath.Join(t.TempDir(), "b.json")
		require.NoError(t, os.WriteFile(name, []byte(content), 0o644))
		return name
	}
	t.Run("NaN", func(t *testing.T) {
		t.Parallel()
		for _, v := range []string{"NaN", "nan", "-nan", "+Inf"} {
			out, stderr, code := report(t, dir, "-min-complete", v)
			assert.NotEqual(t, 0, code, "-min-complete %s: %s", v, stderr)
			assert.Contains(t, stderr, "percentage", v)
			assert.NotContains(t, out, "Gate passed", v)
		}
	})
	t.Run("trailing data", func(t *testing.T) {
		t.Parallel()
		for name, content := range map[string]string{
			"second object": string(good) + "{}\n",
			"conflict":      "<<<<<<< HEAD\n" + string(good) + "=======\n" + string(good) + ">>>>>>> main\n",
			"markers after": string(good) + "=======\n" + string(good) + ">>>>>>> main\n",
		} {
			out, stderr, code := report(t, dir, "-baseline", write(t, content))
			assert.NotEqual(t, 0, code, "%s: %s", name, stderr)
			assert.Contains(t, stderr, "not a bearercheck baseline", name)
			assert.NotContains(t, out, "Gate passed", name)
		}
	})
	t.Run("swapped credential", func(t *testing.T) {
		t.Parallel()
		// Replacing a hard-coded credential with another is a new site;
		// the baseline holds neither (only a keyed hash).
		mod := reportModule(t)
		name := filepath.Join(mod, "sandbox", "sandbox.go")
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		const swapped = "sk-live-SWAPPED-9999"
		require.NoError(t, os.WriteFile(name, []byte(strings.Replace(string(src), "sk-live-REPORTMOD-0000", swapped, 1)), 0o644))
		out, stderr, code := report(t, mod, "-baseline", baseline)
		assert.NotEqual(t, 0, code, "stderr: %s", stderr)
		assert.Contains(t, out, "1 new site or task call")
		newBase := filepath.Join(t.TempDir(), "new.json")
		_, stderr, code = report(t, mod, "-write-baseline", newBase)
		require.Equal(t, 0, code, "stderr: %s", stderr)
		data, err := os.ReadFile(newBase)
		require.NoError(t, err)
		for _, s := range []string{swapped, "SWAPPED", reportSecret} {
			assert.NotContains(t, string(data)+string(good), s)
		}
	})
	t.Run("type error paths", func(t *testing.T) {
		t.Parallel()
		// The type error of a package asked for names its file as
		// findings do: relative to the current directory.
		mod := reportModule(t)
		name := filepath.Join(mod, "ws", "ws.go")
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(name, []byte(strings.Replace(string(src), "return dial(ctx,", "undefinedCall()\n\treturn dial(ctx,", 1)), 0o644))
		_, stderr, code := report(t, mod)
		assert.NotEqual(t, 0, code)
		_, stderr2, _ := runIn(mod, binary, "./...")
		for _, s := range []string{stderr, stderr2} {
			assert.Contains(t, s, filepath.Join("ws", "ws.go")+":")
			assert.NotContains(t, s, mod, "an absolute path")
		}
	})
	t.Run("control characters", func(t *testing.T) {
		t.Parallel()
		mod := reportModule(t)
		name := filepath.Join(mod, "api", "legacy.go")
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		src = []byte(strings.Replace(string(src), "//bearercheck:ignore legacy proxy", "//bearercheck:ignore legacy\x1b[2J\x1b[H proxy", 1))
		require.NoError(t, os.WriteFile(name, src, 0o644))
		// A hand-edited baseline: an entry that is gone, with an ESC
		// sequence and a line break in its fields.
		forged := strings.Replace(string(good), `"entries": [`, `"entries": [
    {"fingerprint": "x\u001b[2J", "package": "p\nGate passed.", "function": "F\u001b[H", "kind": "k\r", "file": "f.go\nGate passed.", "line": 1},`, 1)
		out, stderr, code := report(t, mod, "-baseline", write(t, forged))
		assert.Equal(t, 0, code, "stderr: %s", stderr)
		for _, s := range []string{out, stderr} {
			assert.NotContains(t, s, "\x1b")
			assert.NotContains(t, s, "\r")
		}
		assert.Contains(t, out, `legacy\x1b[2J\x1b[H proxy`)
		passed := 0
		for _, line := range strings.Split(out, "\n") {
			if strings.TrimSpace(line) == "Gate passed." {
				passed++
			}
		}
		assert.Equal(t, 1, passed, "a forged line:\n%s", out)
	})
}

// TestOutputsAtomic: a write of -o or -write-baseline that fails part-way
// (here under a file size limit) leaves the previous file as it was, and
// -baseline b.json -write-baseline b.json never destroys the baseline.
func TestOutputsAtomic(t *testing.T) {
	slowtest.Skip(t)
	if runtime.GOOS == "windows" {
		t.Skip("ulimit")
	}
	t.Parallel()
	dir := reportModule(t)
	out := t.TempDir()
	baseline, rep := filepath.Join(out, "b.json"), filepath.Join(out, "report.html")
	_, stderr, code := report(t, dir, "-write-baseline", baseline, "-format", "html", "-o", rep)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	oldBase, err := os.ReadFile(baseline)
	require.NoError(t, err)
	oldRep, err := os.ReadFile(rep)
	require.NoError(t, err)
	require.Greater(t, len(oldBase), 1024, "the baseline must exceed the size limit of the test")

	// 1 KiB blocks in bash, 512 B in some shells: either is below both files.
	script := `ulimit -f 1 && exec "$0" report -baseline "$1" -write-baseline "$1" -format html -o "$2"`
	stdout, stderr, err := runIn(dir, "sh", "-c", script, binary, baseline, rep)
	require.Error(t, err, "a write beyond the size limit must fail:\n%s%s", stdout, stderr)
	gotBase, err := os.ReadFile(baseline)
	require.NoError(t, err)
	assert.Equal(t, string(oldBase), string(gotBase), "the baseline was damaged")
	gotRep, err := os.ReadFile(rep)
	require.NoError(t, err)
	assert.Equal(t, string(oldRep), string(gotRep), "the report was damaged")
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file is left behind")

	// Standard output on a full device: the report is not written, and
	// the run says so instead of passing.
	if _, err := os.Stat("/dev/full"); err == nil {
		stdout, stderr, err := runIn(dir, "sh", "-c", `exec "$0" report >/dev/full`, binary)
		assert.Error(t, err, "report to a full device: %s%s", stdout, stderr)
		assert.Contains(t, stderr, "no space left")
	}
}

// TestLostOutput: findings or a diff that cannot be written to standard
// output (a full device) make the run fail as one that could not run.
func TestLostOutput(t *testing.T) {
	slowtest.Skip(t)
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	t.Parallel()
	dir := reportModule(t)
	for _, args := range []string{"-diff ./...", "-json ./...", "./... 2>/dev/full"} {
		stdout, stderr, err := runIn(dir, "sh", "-c", `exec "$0" `+args+` >/dev/full`, binary)
		requireExit(t, 1, err, "%s: %s%s", args, stdout, stderr)
	}
}

// TestCacheFlag: -cache=off in any case is no cache (no directory named
// OFF), and a -cache that cannot be used — a regular file, a read-only
// directory — is one behaviour: a warning, and the run without a cache.
func TestCacheFlag(t *testing.T) {
	slowtest.Skip(t)
	t.Parallel()
	dir := reportModule(t)
	want, _, _ := runIn(dir, binary, "-cache=off", "-json", "./...")
	require.Contains(t, want, "bearerheader")
	for _, off := range []string{"OFF", "Off"} {
		stdout, stderr, _ := runIn(dir, binary, "-cache="+off, "-json", "./...")
		assert.Equal(t, want, stdout, stderr)
		assert.NoDirExists(t, filepath.Join(dir, off))
	}
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	ro := filepath.Join(t.TempDir(), "ro")
	require.NoError(t, os.Mkdir(ro, 0o555))
	for _, c := range []string{file, ro} {
		if c == ro && os.Geteuid() == 0 {
			continue // root writes anywhere
		}
		stdout, stderr, _ := runIn(dir, binary, "-cache="+c, "-json", "./...")
		assert.Equal(t, want, stdout)
		assert.Contains(t, stderr, "running without a cache")
		stdout, stderr, _ = report(t, dir, "-cache="+c)
		assert.Contains(t, stderr, "running without a cache")
		assert.Contains(t, stdout, "authorization sites migrated")
	}
}
