package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenExt is the file extension of each format's golden files.
var goldenExt = map[string]string{"text": "txt", "markdown": "md", "json": "json", "sarif": "sarif", "html": "html"}

// render renders inv in format, failing the test on an error.
func render(t *testing.T, inv *Inventory, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Render(&b, inv, format))
	return b.Bytes()
}

// checkGolden compares got with testdata/golden/name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./report -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs; if the change is intended, run go test ./report -update", path)
}

// goldenForm is the part of a rendering that golden files hold: SARIF
// rules keep their IDs, but not the text and URL taken from the analyzers
// (TestSARIFRules checks them), so that editing an analyzer's
// documentation does not break report's goldens.
func goldenForm(t *testing.T, format string, out []byte) []byte {
	t.Helper()
	if format != "sarif" {
		return out
	}
	var log map[string]any
	require.NoError(t, json.Unmarshal(out, &log))
	for _, run := range log["runs"].([]any) {
		driver := run.(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
		for _, rule := range driver["rules"].([]any) {
			for _, key := range []string{"shortDescription", "fullDescription", "help", "helpUri"} {
				rule.(map[string]any)[key] = "(from the analyzer)"
			}
		}
	}
	b, err := json.MarshalIndent(log, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

func TestRenderNil(t *testing.T) {
	for _, format := range Formats() {
		assert.Error(t, Render(&bytes.Buffer{}, nil, format), format)
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	err := Render(&bytes.Buffer{}, sampleInventory(), "xml")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown format "xml"`)
	for _, f := range Formats() {
		assert.Contains(t, err.Error(), f)
	}
}

// TestGoldenSample renders the hand-built inventories in every format.
func TestGoldenSample(t *testing.T) {
	for _, tc := range []struct {
		name string
		inv  func() *Inventory
	}{
		{"sample", sampleInventory},
		{"sample-gate", sampleGate},
		{"empty", emptyInventory},
	} {
		for _, format := range Formats() {
			ext, ok := goldenExt[format]
			if !ok {
				continue // another test owns its goldens
			}
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				inv := tc.inv()
				got := render(t, inv, format)
				checkGolden(t, tc.name+"."+ext, goldenForm(t, format, got))
				assert.Equal(t, tc.inv(), inv, "rendering modified the inventory")
				assert.Equal(t, string(got), string(render(t, inv, format)), "rendering twice differs")
			})
		}
	}
}

// emptyInventory is a run that found no authorization site at all.
func emptyInventory() *Inventory {
	return &Inventory{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "bearercheck", Version: "v1.2.3", Rules: testRules()},
		Summary:       Summary{Percent: 100},
	}
}

// TestNoSecretInAnyFormat renders an inventory whose values were redacted
// and checks that nothing else leaks the credential: the renderers print
// no source text of their own.
func TestNoSecretInAnyFormat(t *testing.T) {
	const secret = "sk-live-EXAMPLE0000"
	inv := sampleInventory()
	for _, format := range Formats() {
		out := string(render(t, inv, format))
		assert.NotContains(t, out, secret, format)
		assert.NotContains(t, out, "EXAMPLE0000", format)
	}
}

func TestHeadline(t *testing.T) {
	for _, tc := range []struct {
		s    Summary
		want string
	}{
		{Summary{Migrated: 3, Total: 14, Percent: 21.4}, "3 of 14 authorization sites migrated (21.4%)"},
		{Summary{Migrated: 0, Total: 0, Percent: 100}, "0 of 0 authorization sites migrated (100%)"},
		{Summary{Migrated: 1, Total: 3, Percent: 33.333333}, "1 of 3 authorization sites migrated (33.3%)"},
		{Summary{Migrated: 0, Total: 5, Percent: 0}, "0 of 5 authorization sites migrated (0%)"},
	} {
		assert.Equal(t, tc.want, tc.s.Headline())
	}
	assert.True(t, strings.HasPrefix(string(render(t, sampleInventory(), "markdown")), "## bearercheck: "+sampleInventory().Summary.Headline()))
}
