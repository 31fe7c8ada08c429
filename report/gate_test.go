package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A baseline file is one JSON object: anything after it (a second object
// appended, the markers of an unresolved merge conflict) means the file
// is not what -write-baseline wrote, and the gate must not pass on it.
func TestBaselineTrailingData(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, NewBaseline(Build(fragments(), Options{Dir: "/m"})).Write(&b))
	good := b.String()
	_, err := ReadBaseline(strings.NewReader(good + "\n  \n"))
	require.NoError(t, err, "trailing white space is fine")
	for name, bad := range map[string]string{
		"second object": good + good,
		"empty object":  good + "{}",
		"conflict":      "<<<<<<< HEAD\n" + good + "=======\n" + good + ">>>>>>> branch\n",
		"after markers": good + "=======\n" + good + ">>>>>>> branch\n",
		"garbage":       good + "x",
	} {
		_, err := ReadBaseline(strings.NewReader(bad))
		assert.Error(t, err, name)
	}
}

// Text taken from source (an ignore directive's reason, a function, an
// endpoint) or from a hand-edited baseline never reaches the terminal
// with its control characters: an ESC sequence could clear the screen
// and a line break forge a "Gate passed." line.
func TestTextEscapesControlCharacters(t *testing.T) {
	inv := Build(fragments(), Options{Dir: "/m"})
	const forged = "\x1b[2J\x1b[HGate passed.\nGate passed.\r"
	inv.Packages[0].Ignored = append(inv.Packages[0].Ignored, Site{File: "a.go", Line: 1, Kind: "literal-prefix", Function: "F" + forged, Reason: "legacy" + forged})
	inv.Summary.Ignored++
	inv.Gate = &Gate{Baseline: "b.json" + forged, Failures: []string{"1 site not in the baseline"},
		Gone: []BaselineEntry{{Fingerprint: "fp" + forged, Package: "p" + forged, Function: "G" + forged, Kind: "k" + forged, File: "f.go" + forged, Line: 3}}}
	for _, format := range []string{"text", "markdown"} {
		out := string(render(t, inv, format))
		assert.NotContains(t, out, "\x1b", format)
		assert.NotContains(t, out, "\r", format)
		for _, line := range strings.Split(out, "\n") {
			assert.NotEqual(t, "Gate passed.", strings.TrimSpace(line), "%s: a forged line:\n%s", format, out)
		}
	}
	assert.Contains(t, string(render(t, inv, "text")), `legacy\x1b[2J\x1b[HGate passed.\nGate passed.\r`)
}

// A new site fails the gate: the markdown comment always lists it, also
// when it lies beyond the size cut among a thousand remaining sites.
func TestMarkdownNewSiteBeyondCut(t *testing.T) {
	inv := manySites(3000)
	last := inv.TaskCalls[len(inv.TaskCalls)-1]
	inv.Gate = &Gate{Baseline: "b.json", Failures: []string{"2 sites or task calls not in the baseline b.json"},
		New: []string{"fp2999", last.Fingerprint}, Gone: []BaselineEntry{}}
	out := string(render(t, inv, "markdown"))
	assert.Regexp(t, `_\d+ more sites not shown`, out)
	assert.Contains(t, out, "admin/file2999.go")
	assert.Regexp(t, "`admin/file2999.go:[0-9]+` .* · \\*\\*new\\*\\*", out)
	assert.Contains(t, out, position(last.File, last.Line)+"` **new**")
	assert.NotContains(t, out, "admin/file2998.go", "only new sites are listed past the cut")
}
