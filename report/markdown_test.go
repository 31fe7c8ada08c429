package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestMarkdownCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "`plain`"},
		{"a`b", "``a`b``"},
		{"`x`", "`` `x` ``"},
		{"a``b`", "``` a``b` ```"},
		{"two\nlines", "`two lines`"},
		{"a|b", "`a|b`"},
	} {
		assert.Equal(t, tc.want, mdCode(tc.in), tc.in)
	}
	assert.Equal(t, "`a\\|b`", mdCell("a|b"))
}

func TestMarkdownText(t *testing.T) {
	assert.Equal(t, `legacy proxy needs a \`+"`"+`static\`+"`"+` token \| \<b\>\*for now\*\</b\> \@team`,
		mdText("legacy proxy needs a `static` token | <b>*for now*</b> @team"))
	assert.Equal(t, "one line", mdText("one\nline"))
}

// A monorepo's report stays under GitHub's comment size limit; what does
// not fit is counted, not dropped silently.
func TestMarkdownSizeLimit(t *testing.T) {
	inv := manySites(3000)
	out := string(render(t, inv, "markdown"))
	assert.Less(t, utf8.RuneCountInString(out), 65536)
	assert.True(t, strings.HasPrefix(out, "## bearercheck: "+inv.Summary.Headline()))
	assert.Regexp(t, `_\d+ more sites not shown, to keep this comment under GitHub's size limit`, out)
	var listed int
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "    - `") {
			listed++
		}
	}
	var omitted int
	fmt.Sscanf(out[strings.Index(out, "_")+1:], "%d more sites", &omitted)
	// Every site is either listed or counted.
	assert.Positive(t, listed)
	assert.Equal(t, inv.Summary.Remaining, listed+omitted)
	// The sections after the cut are still there, with their counts.
	for _, h := range []string{"### Bearer-only helpers (3)", "### Calls ignoring an agent task (2)", "### Migrated (2)", "### Ignored (1)"} {
		assert.Contains(t, out, h)
	}
}

// manySites is the sample inventory with n sites in its first package,
// each in a file and with an endpoint and a fingerprint of its own.
func manySites(n int) *Inventory {
	inv := sampleInventory()
	var sites []Site
	for i := range n {
		s := inv.Packages[0].Sites[0]
		s.File = fmt.Sprintf("admin/file%04d.go", i)
		s.Endpoints = []string{fmt.Sprintf("/admin/users/%d/{}", i)}
		s.Fingerprint = fmt.Sprintf("fp%04d", i)
		sites = append(sites, s)
	}
	inv.Packages[0].Sites = sites
	inv.Summary.Remaining = n + len(inv.Packages[1].Sites) + len(inv.Packages[2].Sites)
	return inv
}
