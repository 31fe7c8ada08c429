package report

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page loads nothing: no URL in a src or href attribute, no CSS
// url() or @import, and a Content-Security-Policy that forbids loading.
func TestHTMLSelfContained(t *testing.T) {
	page := string(render(t, sampleGate(), "html"))
	assert.Contains(t, page, `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`)
	for _, re := range []string{`(?i)\s(src|href|action|srcset|poster)\s*=`, `(?i)url\(`, `(?i)@import`, `(?i)<(link|iframe|img|object|embed)\b`} {
		assert.NotRegexp(t, re, page)
	}
}

// Text from the inventory is escaped, never markup.
func TestHTMLEscapes(t *testing.T) {
	inv := sampleGate()
	inv.Packages[0].Sites[0].Function = `<script>alert(1)</script>`
	page := string(render(t, inv, "html"))
	assert.NotContains(t, page, "<script>alert(1)")
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, page, "<b>*for now*</b>")
	assert.Contains(t, page, "&lt;b&gt;*for now*&lt;/b&gt;")
}

// chromium returns the path of a Chromium binary, skipping the test when
// there is none (failing instead when BEARERCHECK_CHROMIUM=1, as in CI).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("BEARERCHECK_CHROMIUM") == "1" {
		t.Fatal("BEARERCHECK_CHROMIUM=1 but no chromium on PATH")
	}
	t.Skip("no chromium on PATH: the HTML report is not checked in a browser (apt-get install chromium; .ci/run installs it)")
	return ""
}

// dumpDOM loads the file in headless Chromium and returns the DOM after
// the page's scripts ran.
func dumpDOM(t *testing.T, browser, file, query string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	u := url.URL{Scheme: "file", Path: file, RawQuery: query}
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--no-default-browser-check", "--user-data-dir="+t.TempDir(),
		"--dump-dom", u.String())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "chromium: %s", stderr.String())
	dom := string(out)
	require.Contains(t, dom, `data-ready="true"`, "the page's script did not finish; chromium said: %s", stderr.String())
	return dom
}

// TestHTMLInChromium renders the page in a real browser and checks what
// its script drew against the inventory's figures, and that clicking
// table headers sorts the rows.
func TestHTMLInChromium(t *testing.T) {
	browser := chromium(t)
	inv := sampleGate()
	// A package with 10 migrated sites: sorting by that column must be
	// numeric (10 after 2), not textual.
	inv.Packages = append(inv.Packages, Package{
		Path:    "example.com/acmeclient/zeta",
		Summary: Summary{Migrated: 10, Total: 10, Percent: 100},
	})
	file := filepath.Join(t.TempDir(), "report.html")
	require.NoError(t, os.WriteFile(file, render(t, inv, "html"), 0o644))

	t.Run("figures", func(t *testing.T) {
		dom := dumpDOM(t, browser, file, "")
		checkFigures(t, dom, inv)
		// Unsorted, the tables keep the inventory's order.
		assert.Equal(t, locations(inv.Packages[0].Sites, inv.Packages[1].Sites, inv.Packages[2].Sites), column(t, dom, "sites", 0))
	})

	t.Run("sorting", func(t *testing.T) {
		// Location descending (two clicks), helpers by number of callers
		// descending, packages by migrated ascending.
		dom := dumpDOM(t, browser, file, "sort=sites:0,sites:0,helpers:5,helpers:5,packages:1")
		want := locations(inv.Packages[0].Sites, inv.Packages[1].Sites, inv.Packages[2].Sites)
		slices.SortFunc(want, func(a, b string) int { return strings.Compare(sortKey(b), sortKey(a)) })
		assert.Equal(t, want, column(t, dom, "sites", 0), "sites by location, descending")
		assert.Contains(t, dom, `<th aria-sort="descending"><button type="button">Location</button></th>`)

		// 2, 2, 0 callers: ties keep the report's order.
		assert.Equal(t, []string{"(*Client).newRequest", "getJSON", "SignedHeaders"}, column(t, dom, "helpers", 1), "helpers by callers, descending")

		assert.Equal(t, []string{
			"example.com/acmeclient/admin", "example.com/acmeclient/tasks", // 0 migrated
			"example.com/acmeclient/backend", // 2
			"example.com/acmeclient/zeta",    // 10
		}, column(t, dom, "packages", 0), "packages by migrated, ascending")

		// Sorting moves rows; the figures stay.
		checkFigures(t, dom, inv)
	})
}

// checkFigures checks the progress bars the page's script drew.
func checkFigures(t *testing.T, dom string, inv *Inventory) {
	t.Helper()
	s := inv.Summary
	p := formatPercent(s.Percent)
	overall := element(t, dom, `id="overall"`)
	assert.Contains(t, overall, `aria-valuenow="`+p+`"`)
	fill := element(t, dom[strings.Index(dom, `id="overall"`):], `class="fill-migrated"`)
	assert.Equal(t, `<div class="fill-migrated" style="width: `+p+`%;">`, fill)
	assert.Contains(t, dom, fmt.Sprintf(`<p class="bar-label" id="overall-label">%s%% complete: %d migrated, %d remaining, %d authorization sites in total</p>`,
		p, s.Migrated, s.Remaining, s.Total))
	assert.Contains(t, dom, `<h1 id="headline">`+s.Headline()+`</h1>`)
	for _, pkg := range inv.Packages {
		ps := pkg.Summary
		want := fmt.Sprintf(`title="%d of %d migrated (%s%%)"`, ps.Migrated, ps.Total, formatPercent(ps.Percent))
		assert.Contains(t, dom, want, pkg.Path)
	}
}

func locations(lists ...[]Site) []string {
	var out []string
	for _, l := range lists {
		for _, s := range l {
			out = append(out, position(s.File, s.Line))
		}
	}
	return out
}

// sortKey is the page's sort key of a file:line location.
func sortKey(loc string) string {
	i := strings.LastIndexByte(loc, ':')
	var line int
	fmt.Sscan(loc[i+1:], &line)
	return sortPosition(loc[:i], line)
}

// element returns the opening tag of the element with the attribute.
func element(t *testing.T, dom, attr string) string {
	t.Helper()
	i := strings.Index(dom, attr)
	require.GreaterOrEqual(t, i, 0, "no element with %s", attr)
	start := strings.LastIndexByte(dom[:i], '<')
	end := strings.IndexByte(dom[i:], '>')
	return dom[start : i+end+1]
}

var (
	rowRE  = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRE = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	tagRE  = regexp.MustCompile(`<[^>]*>`)
	newRE  = regexp.MustCompile(`\s*new$`)
)

// column returns the text of column col of the rows of the table with the
// id, in the order the DOM has them.
func column(t *testing.T, dom, id string, col int) []string {
	t.Helper()
	i := strings.Index(dom, `id="`+id+`"`)
	require.GreaterOrEqual(t, i, 0, "no table %s", id)
	body := dom[i:]
	body = body[strings.Index(body, "<tbody>"):strings.Index(body, "</tbody>")]
	var out []string
	for _, row := range rowRE.FindAllStringSubmatch(body, -1) {
		cells := cellRE.FindAllStringSubmatch(row[1], -1)
		require.Greater(t, len(cells), col)
		text := strings.TrimSpace(tagRE.ReplaceAllString(cells[col][1], ""))
		out = append(out, newRE.ReplaceAllString(text, ""))
	}
	return out
}
