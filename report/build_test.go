package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fragments are two packages, the first loaded twice (as a package and as
// its test variant): a helper whose path is a parameter, called from the
// other package with constant paths.
func fragments() []*Fragment {
	site := func(file string, line int, fn, value string) FragmentSite {
		return FragmentSite{Func: fn, Site: Site{Analyzer: "bearerheader", Kind: "literal-prefix", Package: "m/httpx", File: "/m/" + file, Line: line, Column: 2, Function: "NewRequest", Value: value}}
	}
	httpx := &Fragment{
		Package: "m/httpx",
		Sites:   []FragmentSite{site("httpx/a.go", 10, "m/httpx.NewRequest", `"Bearer " + tok`)},
		Helpers: []FragmentHelper{{Key: "m/httpx.NewRequest", Helper: Helper{Package: "m/httpx", File: "/m/httpx/a.go", Line: 8, Function: "NewRequest", Root: true, Token: "parameter tok"}}},
		Funcs:   map[string]FuncEndpoints{"m/httpx.NewRequest": {Params: true}},
	}
	variant := *httpx
	api := &Fragment{
		Package: "m/api",
		Calls: []FragmentCall{
			{Callee: "m/httpx.NewRequest", From: "m/api.Usage", Paths: []string{"/wham/usage"}, Caller: Caller{Package: "m/api", File: "/m/api/api.go", Line: 5, Function: "Usage"}},
			{Callee: "m/httpx.NewRequest", From: "m/api.Get", Through: true, Caller: Caller{Package: "m/api", File: "/m/api/api.go", Line: 9, Function: "Get"}},
			{Callee: "m/api.Get", From: "m/api.Files", Paths: []string{"/files"}, Caller: Caller{Package: "m/api", File: "/m/api/api.go", Line: 12, Function: "Files"}},
		},
		Migrated: []FragmentSite{{Site: Site{Kind: "migrated", Package: "m/api", File: "/m/api/m.go", Line: 3, Value: "p.AuthorizationHeaderValue()"}}},
		Funcs:    map[string]FuncEndpoints{"m/api.Get": {Params: true}},
	}
	return []*Fragment{httpx, &variant, api, {Package: "m/api.test"}}
}

func TestBuild(t *testing.T) {
	inv := Build(fragments(), Options{Dir: "/m"})
	require.Len(t, inv.Packages, 2)
	assert.Equal(t, Summary{Migrated: 1, Remaining: 1, Total: 2, Percent: 50, Helpers: 1}, inv.Summary)
	httpx := inv.Packages[1]
	require.Len(t, httpx.Sites, 1, "a site in a package and its test variant counts once")
	s := httpx.Sites[0]
	assert.Equal(t, "httpx/a.go", s.File)
	assert.Equal(t, []string{"/files", "/wham/usage"}, s.Endpoints, "paths its callers pass, transitively")
	require.Len(t, inv.Helpers, 1)
	assert.Len(t, inv.Helpers[0].Callers, 2)
	assert.Equal(t, []string{"/files", "/wham/usage"}, inv.Helpers[0].Endpoints)
}

func TestFingerprintStable(t *testing.T) {
	a := Build(fragments(), Options{Dir: "/m"})
	moved := fragments()
	moved[0].Sites[0].Line, moved[0].Sites[0].File = 40, "/m/httpx/renamed.go"
	moved[1].Sites[0].Line, moved[1].Sites[0].File = 40, "/m/httpx/renamed.go"
	b := Build(moved, Options{Dir: "/m"})
	assert.Equal(t, a.Packages[1].Sites[0].Fingerprint, b.Packages[1].Sites[0].Fingerprint)

	// A second identical site in the function gets its own fingerprint.
	twice := fragments()
	dup := twice[0].Sites[0]
	dup.Line = 12
	twice[0].Sites = append(twice[0].Sites, dup)
	c := Build(twice, Options{Dir: "/m"})
	require.Len(t, c.Packages[1].Sites, 2)
	assert.NotEqual(t, c.Packages[1].Sites[0].Fingerprint, c.Packages[1].Sites[1].Fingerprint)
	assert.Equal(t, a.Packages[1].Sites[0].Fingerprint, c.Packages[1].Sites[0].Fingerprint)
}

func TestGate(t *testing.T) {
	inv := Build(fragments(), Options{Dir: "/m"})
	base := NewBaseline(inv)
	require.Len(t, base.Entries, 1)

	g := Check(Build(fragments(), Options{Dir: "/m"}), GateConfig{Baseline: base, BaselineFile: "b.json"})
	assert.True(t, g.Passed)

	empty := &Baseline{Version: BaselineVersion}
	g = Check(Build(fragments(), Options{Dir: "/m"}), GateConfig{Baseline: empty, BaselineFile: "b.json"})
	assert.False(t, g.Passed)
	assert.Len(t, g.New, 1)

	min := 60.0
	g = Check(Build(fragments(), Options{Dir: "/m"}), GateConfig{MinComplete: &min})
	assert.False(t, g.Passed)
	g = Check(Build(fragments(), Options{Dir: "/m"}), GateConfig{RequireComplete: true})
	assert.False(t, g.Passed)

	migrated := fragments()
	migrated[0].Sites, migrated[1].Sites = nil, nil
	g = Check(Build(migrated, Options{Dir: "/m"}), GateConfig{Baseline: base, BaselineFile: "b.json", RequireComplete: true})
	assert.True(t, g.Passed)
	assert.Len(t, g.Gone, 1)
}

// TestEndToEndJSONValidates checks the json golden of the end-to-end
// report tests (a real run on testdata/reportmod) against the schema.
func TestEndToEndJSONValidates(t *testing.T) {
	out, err := os.ReadFile(filepath.Join("..", "internal", "e2e", "testdata", "report", "reportmod.json"))
	require.NoError(t, err)
	validateJSON(t, compileSchema(t), out)
}

// Files outside the working directory are named as the go command names
// module files, module@version/path, never by a module-cache path; SARIF
// never makes them relative to the source root.
func TestExternalFiles(t *testing.T) {
	opts := Options{Dir: "/work/app", Modules: []Module{
		{Path: "example.com/app", Dir: "/work/app"},
		{Path: "example.com/lib", Dir: "/work/lib"}, // another main module of a workspace
		{Path: "github.com/sdk/go", Version: "v1.2.3", Dir: "/home/u/go/pkg/mod/github.com/sdk/go@v1.2.3"},
		{Path: "github.com/sdk/go/sub", Version: "v0.1.0", Dir: "/home/u/go/pkg/mod/github.com/sdk/go/sub@v0.1.0"},
	}}
	for file, want := range map[string]string{
		"/work/app/api/a.go": "api/a.go",
		"/work/lib/x.go":     "../lib/x.go",
		"/home/u/go/pkg/mod/github.com/sdk/go@v1.2.3/client/c.go": "github.com/sdk/go@v1.2.3/client/c.go",
		"/home/u/go/pkg/mod/github.com/sdk/go/sub@v0.1.0/s.go":    "github.com/sdk/go/sub@v0.1.0/s.go",
		"/elsewhere/z.go": "/elsewhere/z.go",
	} {
		got := displayFile(opts, filepath.FromSlash(file))
		assert.Equal(t, want, got, file)
		assert.Equal(t, want != "api/a.go", External(got), "External(%q)", got)
	}

	inv := sampleInventory()
	inv.Helpers[0].File = "github.com/sdk/go@v1.2.3/client/c.go"
	inv.Helpers[0].Callers = []Caller{{Package: "example.com/acmeclient/admin", File: "/elsewhere/z.go", Line: 3, Column: 1, Function: "F"}}
	log := validateSARIF(t, render(t, inv, "sarif"))
	for _, r := range log.Runs[0].Results {
		for _, l := range append(r.Locations, r.RelatedLocations...) {
			if l.PhysicalLocation == nil {
				require.NotEmpty(t, l.LogicalLocations, "a location names at least its function")
				continue
			}
			a := l.PhysicalLocation.ArtifactLocation
			if a.URIBaseID != nil {
				assert.False(t, External(*a.URI), "%s is relative to %s", *a.URI, *a.URIBaseID)
			} else {
				assert.Equal(t, "file:///elsewhere/z.go", *a.URI)
			}
		}
	}
	out := string(render(t, inv, "sarif"))
	assert.NotContains(t, out, "github.com/sdk/go@v1.2.3/client/c.go", "a dependency's file has no %SRCROOT% URI")
	assert.Contains(t, out, "file:///elsewhere/z.go")
}

// TestBuildFixable: K of R counts the remaining sites -fix fixes; a
// compatibility wrapper is listed and counted apart, not as a site; the
// headline says both figures while sites remain.
func TestBuildFixable(t *testing.T) {
	frags := fragments()
	frags[0].Sites = append(frags[0].Sites, FragmentSite{Func: "m/httpx.Other", Site: Site{
		Analyzer: "bearerheader", Kind: "literal-prefix", Package: "m/httpx", File: "/m/httpx/a.go", Line: 20, Column: 2,
		Function: "Other", Value: `"Bearer " + tok`, FixAction: "migrates Other: parameter tok → provider, 1 caller",
	}})
	frags[0].Wrappers = []Wrapper{{Package: "m/httpx", File: "/m/httpx/w.go", Line: 3, Column: 6, Function: "Send", Calls: "SendWithAuth"}}
	frags[1].Wrappers = frags[0].Wrappers // the test variant
	inv := Build(frags, Options{Dir: "/m"})
	assert.Equal(t, 1, inv.Summary.Fixable)
	assert.Equal(t, 2, inv.Summary.Remaining)
	assert.Equal(t, 1, inv.Summary.Wrappers)
	require.Len(t, inv.Wrappers, 1, "a wrapper in a package and its test variant counts once")
	assert.Equal(t, "httpx/w.go", inv.Wrappers[0].File)
	assert.Equal(t, "1 of 3 authorization sites migrated (33.3%); 1 of 2 remaining fixable by bearercheck -fix", inv.Summary.Headline())
	assert.Equal(t, "1 of 1 authorization sites migrated (100%)", Summary{Migrated: 1, Total: 1, Percent: 100}.Headline())
}
