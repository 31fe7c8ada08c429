package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bearercheck/bearercheck/internal/slowtest"
	bcreport "github.com/bearercheck/bearercheck/report"
)

// TestReportHistory runs report -history twice in a git work tree: each
// run appends one entry naming the module, the commit and the date with
// the run's figures, and the second run's report shows the change since
// the first and draws the trend.
func TestReportHistory(t *testing.T) {
	slowtest.Skip(t) // runs the report four times
	t.Parallel()
	dir := reportModule(t)
	rev := ""
	if _, err := exec.LookPath("git"); err == nil {
		for _, args := range [][]string{
			{"init", "-q"},
			{"add", "."},
			{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init"},
		} {
			out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
			require.NoError(t, err, "git %v: %s", args, out)
		}
		out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
		require.NoError(t, err)
		rev = strings.TrimSpace(string(out))
	}
	// Outside the work tree: the history file does not make it dirty.
	history := filepath.Join(t.TempDir(), "history.jsonl")

	start := time.Now().UTC().Add(-time.Second)
	stdout, stderr, code := report(t, dir, "-history", history, "-format", "json")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	var inv bcreport.Inventory
	require.NoError(t, json.Unmarshal([]byte(stdout), &inv))
	require.NotNil(t, inv.Run)
	assert.Empty(t, inv.History, "the first run has no earlier entry")

	entries := readHistory(t, history)
	require.Len(t, entries, 1)
	e := entries[0]
	assert.Equal(t, "example.com/reportmod", e.Run.Module)
	assert.Equal(t, rev, e.Run.Revision)
	date, err := time.Parse(time.RFC3339, e.Run.Date)
	require.NoError(t, err)
	assert.False(t, date.Before(start.Truncate(time.Second)), "date %s is the run's", e.Run.Date)
	assert.Equal(t, inv.Summary, e.Summary)
	require.Len(t, e.Packages, len(inv.Packages))
	for _, p := range inv.Packages {
		assert.Equal(t, p.Summary, e.Packages[p.Path], p.Path)
	}

	md, stderr, code := report(t, dir, "-history", history, "-format", "markdown")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	since := e.Run.Date[:len("2006-01-02")]
	if rev != "" {
		since = rev[:7]
	}
	assert.Contains(t, md, "**Trend:** no change in remaining sites since "+since+"\n")
	assert.Len(t, readHistory(t, history), 2, "one line a run")

	page, stderr, code := report(t, dir, "-history", history, "-format", "html")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, page, `<svg id="trend"`)
	assert.Equal(t, 3, strings.Count(page, `<circle class="pt-remaining"`), "two earlier runs and this one")
	assert.Len(t, readHistory(t, history), 3)

	// A damaged history is an error naming the line, and nothing is appended.
	require.NoError(t, os.WriteFile(history, []byte("{\"run\":\n"), 0o644))
	_, stderr, code = report(t, dir, "-history", history)
	assert.NotEqual(t, 0, code)
	assert.Contains(t, stderr, "line 1")
	data, err := os.ReadFile(history)
	require.NoError(t, err)
	assert.Equal(t, "{\"run\":\n", string(data))
}

func readHistory(t *testing.T, name string) []bcreport.HistoryEntry {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	entries, err := bcreport.ReadHistory(f)
	require.NoError(t, err)
	return entries
}
