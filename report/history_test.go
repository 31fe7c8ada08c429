package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleHistory is sampleInventory with three earlier runs.
func sampleHistory() *Inventory {
	inv := sampleInventory()
	inv.Run = &Run{Module: "example.com/acmeclient", Revision: "0123456789abcdef0123456789abcdef01234567", Date: "2026-12-06T10:00:00Z"}
	run := func(rev, date string, migrated, remaining int) HistoryEntry {
		s := Summary{Migrated: migrated, Remaining: remaining}
		s.percent()
		return HistoryEntry{Run: Run{Module: inv.Run.Module, Revision: rev, Date: date}, Summary: s,
			Packages: map[string]Summary{"example.com/acmeclient/admin": s}}
	}
	inv.History = []HistoryEntry{
		run("aaaaaaa1111111111111111111111111111111111", "2026-12-01T09:00:00Z", 0, 12),
		run("bbbbbbb2222222222222222222222222222222222", "2026-12-03T09:00:00Z", 1, 11),
		run("ccccccc3333333333333333333333333333333333", "2026-12-05T09:00:00Z", 1, 10),
	}
	return inv
}

// A history file written entry by entry reads back as written, and a
// damaged line is an error naming it, never a shorter history.
func TestHistoryRoundTrip(t *testing.T) {
	inv := sampleHistory()
	var file bytes.Buffer
	for _, e := range inv.History {
		require.NoError(t, WriteHistoryEntry(&file, e))
	}
	require.NoError(t, WriteHistoryEntry(&file, NewHistoryEntry(inv)))
	assert.Equal(t, 4, strings.Count(file.String(), "\n"), "one line an entry")
	got, err := ReadHistory(bytes.NewReader(file.Bytes()))
	require.NoError(t, err)
	require.Len(t, got, 4)
	assert.Equal(t, inv.History, got[:3])
	assert.Equal(t, *inv.Run, got[3].Run)
	assert.Equal(t, inv.Summary, got[3].Summary)
	assert.Len(t, got[3].Packages, len(inv.Packages))
	assert.Equal(t, inv.Packages[0].Summary, got[3].Packages[inv.Packages[0].Path])

	empty, err := ReadHistory(strings.NewReader(""))
	require.NoError(t, err)
	assert.Empty(t, empty)

	_, err = ReadHistory(strings.NewReader(file.String() + "{\"run\": \n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 5")
	_, err = ReadHistory(strings.NewReader("{} {}\n"))
	assert.ErrorContains(t, err, "line 1")
}

// The change since the previous run, in the words markdown and text use.
func TestChange(t *testing.T) {
	inv := sampleHistory()
	// 10 remaining at ccccccc, 7 now; 9.0% then, 22.2% now.
	assert.Equal(t, "−3 remaining sites since ccccccc (9% → 22.2% migrated)", inv.Change().String())
	inv.History[2].Summary = inv.Summary
	assert.Equal(t, "no change in remaining sites since ccccccc", inv.Change().String())
	inv.History[2].Summary.Remaining = 6
	inv.History[2].Run.Revision = ""
	assert.Equal(t, "+1 remaining site since 2026-12-05", inv.Change().String())
	inv.History = nil
	assert.Nil(t, inv.Change())

	md := string(render(t, sampleHistory(), "markdown"))
	assert.Contains(t, md, "**Trend:** −3 remaining sites since ccccccc (9% → 22.2% migrated)\n")
	assert.Contains(t, md, "`example.com/acmeclient` at `0123456` · 2026-12-06T10:00:00Z\n")
	txt := string(render(t, sampleHistory(), "text"))
	assert.Contains(t, txt, "\n−3 remaining sites since ccccccc (9% → 22.2% migrated)\n")
}

// The JSON output carries the run and the history, and validates.
func TestHistoryJSON(t *testing.T) {
	out := render(t, sampleHistory(), "json")
	validateJSON(t, compileSchema(t), out)
	assert.Contains(t, string(out), `"history": [`)
}

// The trend chart has one point per run, the current one last, scaled
// to the largest remaining count.
func TestTrendChart(t *testing.T) {
	tr := newTrend(sampleHistory())
	require.NotNil(t, tr)
	require.Len(t, tr.Points, 4)
	assert.Equal(t, 12, tr.MaxRemaining)
	assert.Equal(t, "2026-12-01 aaaaaaa", tr.FirstLabel)
	assert.Equal(t, "2026-12-06 0123456", tr.LastLabel)
	assert.Equal(t, coord(float64(tr.Top)), tr.Points[0].YRemaining, "the largest count at the top")
	assert.Equal(t, coord(float64(tr.Bottom)), tr.Points[0].YPercent, "0% at the bottom")
	assert.Nil(t, newTrend(sampleInventory()), "no chart without a history")
	page := string(render(t, sampleHistory(), "html"))
	assert.Contains(t, page, `<svg id="trend"`)
	assert.Contains(t, page, `<code>example.com/acmeclient</code> at <code title="0123456789abcdef0123456789abcdef01234567">0123456</code>`)
	assert.NotContains(t, string(render(t, sampleInventory(), "html")), `<svg id="trend"`)
}

// TestTrendInChromium renders the chart in a real browser: the SVG is in
// the DOM with its lines and one marker per run, and the page's script
// still ran.
func TestTrendInChromium(t *testing.T) {
	browser := chromium(t)
	inv := sampleHistory()
	file := filepath.Join(t.TempDir(), "report.html")
	require.NoError(t, os.WriteFile(file, render(t, inv, "html"), 0o644))
	dom := dumpDOM(t, browser, file, "")
	checkFigures(t, dom, inv)
	svg := element(t, dom, `id="trend"`)
	assert.Contains(t, svg, `viewBox="0 0 720 200"`)
	tr := newTrend(inv)
	assert.Contains(t, dom, `<polyline class="line-remaining" points="`+tr.Remaining+`"`)
	assert.Contains(t, dom, `<polyline class="line-percent" points="`+tr.Percent+`"`)
	assert.Equal(t, len(inv.History)+1, strings.Count(dom, `<circle class="pt-remaining"`))
	assert.Contains(t, dom, `<p class="lead" id="trend-change">`+inv.Change().String()+`</p>`)
}
