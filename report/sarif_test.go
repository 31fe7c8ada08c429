package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

// validateSARIF parses out and validates it against the SARIF 2.1.0 schema.
func validateSARIF(t *testing.T, out []byte) *sarif.Report {
	t.Helper()
	log, err := sarif.FromBytes(out)
	require.NoError(t, err)
	require.NoError(t, log.Validate())
	return log
}

func TestSARIFValidates(t *testing.T) {
	for _, inv := range []*Inventory{sampleInventory(), sampleGate(), emptyInventory()} {
		validateSARIF(t, render(t, inv, "sarif"))
	}
}

func TestSARIFRules(t *testing.T) {
	log := validateSARIF(t, render(t, sampleInventory(), "sarif"))
	require.Len(t, log.Runs, 1)
	rules := log.Runs[0].Tool.Driver.Rules
	as := analyzers.New(nil).Reporting()
	require.Len(t, rules, len(as))
	for i, a := range as {
		r := rules[i]
		assert.Equal(t, a.Name, *r.ID)
		assert.Equal(t, a.URL, *r.HelpURI)
		assert.NotEmpty(t, *r.ShortDescription.Text)
		assert.NotContains(t, *r.ShortDescription.Text, a.Name+":")
		assert.NotEmpty(t, *r.FullDescription.Text)
		assert.NotEmpty(t, *r.Help.Text)
		assert.NotEmpty(t, *r.Help.Markdown)
	}
}

func TestSARIFResults(t *testing.T) {
	inv := sampleInventory()
	log := validateSARIF(t, render(t, inv, "sarif"))
	results := log.Runs[0].Results
	// 7 remaining and 1 ignored site, 2 root helpers, 2 task calls.
	require.Len(t, results, 12)

	byFingerprint := map[string]*sarif.Result{}
	for _, r := range results {
		fp := r.PartialFingerprints[sarifFingerprint]
		require.NotEmpty(t, fp)
		require.NotContains(t, byFingerprint, fp)
		byFingerprint[fp] = r
		require.Len(t, r.Locations, 1)
		loc := r.Locations[0].PhysicalLocation
		assert.Equal(t, sarifSrcRoot, *loc.ArtifactLocation.URIBaseID)
		assert.NotContains(t, *loc.ArtifactLocation.URI, ":")
		assert.Nil(t, loc.Region.Snippet, "no source snippet")
		assert.Nil(t, loc.ContextRegion, "no source snippet")
	}

	cred := byFingerprint["fp-admin-SandboxRequest-hard-coded-credential"]
	require.NotNil(t, cred)
	assert.Equal(t, "bearerheader", *cred.RuleID)
	assert.Equal(t, "error", cred.Level)
	assert.Contains(t, cred.Properties.Tags, "external/cwe/cwe-798")
	assert.Equal(t, credentialSeverity, cred.Properties.Properties["security-severity"])
	require.Len(t, cred.Taxa, 1)
	assert.Equal(t, "798", *cred.Taxa[0].ID)
	require.Len(t, log.Runs[0].Taxonomies, 1)
	assert.Equal(t, "CWE", *log.Runs[0].Taxonomies[0].Name)

	plain := byFingerprint["fp-admin-SignedHeaders-join"]
	require.NotNil(t, plain)
	assert.Equal(t, "warning", plain.Level)
	assert.Empty(t, plain.Suppressions)
	assert.Equal(t, "admin/admin.go", *plain.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 47, *plain.Locations[0].PhysicalLocation.Region.StartLine)
	assert.Equal(t, 25, *plain.Locations[0].PhysicalLocation.Region.StartColumn)
	assert.Equal(t, "example.com/acmeclient/admin.SignedHeaders", *plain.Locations[0].LogicalLocations[0].FullyQualifiedName)

	ignored := byFingerprint["fp-admin-ProxyRequest-literal-prefix"]
	require.NotNil(t, ignored)
	require.Len(t, ignored.Suppressions, 1)
	assert.Equal(t, "inSource", *ignored.Suppressions[0].Kind)
	assert.Equal(t, inv.Packages[0].Ignored[0].Reason, *ignored.Suppressions[0].Justification)

	helper := byFingerprint["fp-helper-backend-newRequest"]
	require.NotNil(t, helper)
	assert.Equal(t, "bearerhelper", *helper.RuleID)
	assert.Equal(t, 1, helper.RuleIndex)
	assert.Len(t, helper.RelatedLocations, 2)
	assert.NotContains(t, byFingerprint, "fp-helper-backend-getJSON", "transitive helpers are not results")

	task := byFingerprint["fp-task-Usage"]
	require.NotNil(t, task)
	assert.Equal(t, "taskauth", *task.RuleID)
	assert.Equal(t, 2, task.RuleIndex)

	var props map[string]any
	b, err := json.Marshal(log.Runs[0].Properties)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &props))
	assert.EqualValues(t, 2, props["summary"].(map[string]any)["migrated"])
}

func TestSARIFUnknownAnalyzer(t *testing.T) {
	inv := sampleInventory()
	inv.Packages[0].Sites[0].Analyzer = "nosuch"
	var b bytes.Buffer
	err := Render(&b, inv, "sarif")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown analyzer "nosuch"`)
	assert.Zero(t, b.Len(), "nothing written on an error")
}

// testRules describes the analyzers as the command does
// (internal/inventory.Rules).
func testRules() Rules {
	s := analyzers.New(nil)
	rule := func(a *analysis.Analyzer) Rule { return Rule{Name: a.Name, Doc: a.Doc, URL: a.URL} }
	return Rules{Site: rule(s.BearerHeader), Helper: rule(s.BearerHelper), TaskCall: rule(s.TaskAuth)}
}
