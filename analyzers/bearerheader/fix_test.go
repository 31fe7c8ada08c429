package bearerheader_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/analyzers/bearerheader"
	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// fixCases are the testdata packages of the suggested-fix tests (SPEC §3).
var fixCases = []string{
	"fixaccessor",     // "Bearer "+p.BearerToken() at every http sink form
	"fixsprintf",      // fmt.Sprintf forms; fmt becomes unused and is removed
	"fixsprintfused",  // fmt stays used and stays imported
	"fixjoin",         // strings.Join; strings becomes unused
	"fixfield",        // "Bearer "+p.Token, Token read by the provider method
	"fixlocal",        // the value built in a local variable
	"fixguard",        // if tok := p.BearerToken(); tok != "" { … }
	"fixalias",        // fmt imported under another name
	"fixdot",          // fmt dot-imported
	"fixmetadata",     // gRPC metadata sinks
	"fixcrosspkg",     // provider type (and its field) from fixprovider
	"fixnone",         // no fix: no provider, (string, error), shadowing, …
	"fixcomments",     // comments inside the replaced value stay
	"fixjointimports", // two fixes remove the last uses of fmt together
}

// newAnalyzer returns a bearerheader analyzer with the default configuration.
func newAnalyzer() *analysis.Analyzer {
	return bearerheader.New(bearerdetect.New(config.NewOptions(bearercheck.DefaultConfig())))
}

// fixTestdata returns a GOPATH holding the shared fixture tree with the
// want comments of bearerheader.
func fixTestdata(t *testing.T) string {
	t.Helper()
	return fixture.For(t, bearerheader.Name)
}

// TestFixes checks the diagnostics of the fix* cases and, against the
// .golden files, the result of applying every fix.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixTestdata(t), newAnalyzer(), fixCases...)
}

// TestFixesCompile checks what the golden comparison cannot see (it
// formats the result and drops unused imports itself): each fix applied
// alone, exactly as offered, is gofmt-clean and type-checks; the fixes of
// a file do not overlap and, applied together, type-check too; and a
// second run over the fixed code offers no fix (idempotence).
func TestFixesCompile(t *testing.T) {
	dir := fixTestdata(t)
	pkgs := load(t, dir, nil)
	fixed := map[string][]byte{}
	diags := analyze(t, pkgs)
	for _, pkg := range pkgs {
		byFile := map[string][]analysis.SuggestedFix{}
		for _, d := range diags[pkg] {
			require.LessOrEqual(t, len(d.fixes), 1, "%s: more than one fix", d.pos)
			for _, fix := range d.fixes {
				assert.Regexp(t, `^(replace the value with|rewrite the token guard to use) \S+\.AuthorizationHeaderValue\(\)$`, fix.Message)
				byFile[fix.file] = append(byFile[fix.file], fix.SuggestedFix)
			}
		}
		for _, file := range slices.Sorted(maps.Keys(byFile)) {
			content, err := os.ReadFile(file)
			require.NoError(t, err)
			fixes := byFile[file]
			for _, fix := range fixes {
				checkFixed(t, pkg, file, apply(t, content, fix.TextEdits), fix.Message)
			}
			// Applied together, as every driver does: an edit that two
			// fixes share (the fix of sites that remove the last uses of
			// an import together) is applied once; other edits do not
			// overlap.
			var all []analysis.TextEdit
			for _, fix := range fixes {
				for _, e := range fix.TextEdits {
					if !slices.ContainsFunc(all, func(o analysis.TextEdit) bool {
						return o.Pos == e.Pos && o.End == e.End && bytes.Equal(o.NewText, e.NewText)
					}) {
						all = append(all, e)
					}
				}
			}
			slices.SortFunc(all, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
			for i := 1; i < len(all); i++ {
				require.LessOrEqual(t, all[i-1].End, all[i].Pos, "%s: overlapping fixes", file)
				require.NotEqual(t, all[i-1].Pos, all[i].Pos, "%s: two fixes insert at one place", file)
			}
			out := apply(t, content, all)
			checkFixed(t, pkg, file, out, "all fixes")
			fixed[file] = out
		}
	}
	require.NotEmpty(t, fixed)

	// Idempotence: the fixed code is offered no fix.
	again := load(t, dir, fixed)
	for _, ds := range analyze(t, again) {
		for _, d := range ds {
			assert.Empty(t, d.fixes, "%s: fix offered again after fixing", d.pos)
		}
	}
}

// TestFixesEditOnlyTheValue checks, byte for byte, that the fixes of a
// file that is not gofmt-clean change the values they replace and nothing
// else, and keep the comments inside them. (The file is written here:
// a Go file of the repository must be gofmt-clean.)
func TestFixesEditOnlyTheValue(t *testing.T) {
	const src = `package unformatted

import (
	"fmt"
	"net/http"
)

type Provider struct{ token string }
func (p *Provider) AuthorizationHeaderValue() string { return "Bearer "+p.token }
func (p *Provider) BearerToken() string {return p.token}

func set(h http.Header,p *Provider){
    h.Set( "Authorization",  "Bearer " /* why */ + p.BearerToken() )   // odd spacing stays
	h.Set("X-Id", fmt.Sprint( 1 ))
	h.Set("Authorization",fmt.Sprintf("Bearer %s",  p.BearerToken()))
	if tok:=p.BearerToken();tok!="" { h.Add("Authorization", "Bearer "+ // legacy
	    tok) }
}
`
	const want = `package unformatted

import (
	"fmt"
	"net/http"
)

type Provider struct{ token string }
func (p *Provider) AuthorizationHeaderValue() string { return "Bearer "+p.token }
func (p *Provider) BearerToken() string {return p.token}

func set(h http.Header,p *Provider){
    h.Set( "Authorization",  /* why */ p.AuthorizationHeaderValue() )   // odd spacing stays
	h.Set("X-Id", fmt.Sprint( 1 ))
	h.Set("Authorization",p.AuthorizationHeaderValue())
	if authz:=p.AuthorizationHeaderValue();authz!="" { h.Add("Authorization", // legacy
	    authz) }
}
`
	dir := t.TempDir()
	file := filepath.Join(dir, "src", "unformatted", "a.go")
	require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	pkgs := loadPackages(t, dir, nil, "unformatted")
	var edits []analysis.TextEdit
	n := 0
	for _, d := range analyze(t, pkgs)[pkgs[0]] {
		n++
		if assert.Len(t, d.fixes, 1, "%s: no fix", d.pos) {
			edits = append(edits, d.fixes[0].TextEdits...)
		}
	}
	assert.Equal(t, 3, n, "diagnostics")
	assert.Equal(t, want, string(apply(t, []byte(src), edits)))
}

type diag struct {
	pos   string
	fixes []fileFix
}

// fileFix is a fix whose edits hold 1+byte offsets in file.
type fileFix struct {
	analysis.SuggestedFix
	file string
}

// load loads the fix cases of the GOPATH dir, with overlay replacing file contents.
func load(t *testing.T, dir string, overlay map[string][]byte) []*packages.Package {
	t.Helper()
	return loadPackages(t, dir, overlay, fixCases...)
}

// loadPackages loads the packages of the GOPATH dir, which must type-check.
func loadPackages(t *testing.T, dir string, overlay map[string][]byte, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode:    packages.LoadAllSyntax,
		Dir:     dir,
		Env:     append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	require.NoError(t, err)
	require.Len(t, pkgs, len(patterns))
	for _, p := range pkgs {
		require.Empty(t, p.Errors, "package %s does not type-check", p.PkgPath)
	}
	return pkgs
}

// analyze runs bearerheader over pkgs and returns the diagnostics of each.
func analyze(t *testing.T, pkgs []*packages.Package) map[*packages.Package][]diag {
	t.Helper()
	a := newAnalyzer()
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	require.NoError(t, err)
	out := map[*packages.Package][]diag{}
	for _, act := range g.Roots {
		require.NoError(t, act.Err)
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			dg := diag{pos: p.String()}
			for _, fix := range d.SuggestedFixes {
				ff := fileFix{SuggestedFix: analysis.SuggestedFix{Message: fix.Message}, file: p.Filename}
				for _, e := range fix.TextEdits {
					tf := act.Package.Fset.File(e.Pos)
					require.Equal(t, p.Filename, tf.Name(), "a fix edits another file")
					ff.TextEdits = append(ff.TextEdits, analysis.TextEdit{
						Pos: token.Pos(1 + tf.Offset(e.Pos)), End: token.Pos(1 + tf.Offset(e.End)), NewText: e.NewText,
					})
				}
				dg.fixes = append(dg.fixes, ff)
			}
			out[act.Package] = append(out[act.Package], dg)
		}
	}
	return out
}

// apply applies edits whose positions are 1+offset.
func apply(t *testing.T, content []byte, edits []analysis.TextEdit) []byte {
	t.Helper()
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		start, end := int(e.Pos)-1, int(e.End)-1
		require.LessOrEqual(t, last, start, "overlapping edits")
		buf.Write(content[last:start])
		buf.Write(e.NewText)
		last = end
	}
	buf.Write(content[last:])
	return buf.Bytes()
}

// commentPad matches the padding before a trailing comment.
var commentPad = regexp.MustCompile(`[ \t]+//`)

// commentAfterSep matches a block comment right after a comma or an
// opening parenthesis, which go/printer moves before the comma or pads.
var (
	commentAfterSep  = regexp.MustCompile(`(,|\() ?((?:/\*[^*]*\*/ ?)+)`)
	commentBeforeSep = regexp.MustCompile(` ((?:/\*[^*]*\*/ ?)+), `)
)

// normalizeComments undoes what gofmt does to comments and a fix does
// not: re-aligning trailing comments of neighbouring lines, and moving a
// block comment that follows a comma before it (a fix keeps each comment
// where it was, and x/tools drivers gofmt the files they fix anyway).
func normalizeComments(s string) string {
	s = commentPad.ReplaceAllString(s, " //")
	s = commentBeforeSep.ReplaceAllString(s, ", $1 ")
	return commentAfterSep.ReplaceAllString(s, "$1$2")
}

// checkFixed checks that out, the fixed content of file, is gofmt-clean
// and that pkg type-checks with it, up to what normalizeComments undoes.
func checkFixed(t *testing.T, pkg *packages.Package, file string, out []byte, what string) {
	t.Helper()
	formatted, err := format.Source(out)
	if assert.NoError(t, err, "%s: %s", file, what) {
		assert.Equal(t, normalizeComments(string(formatted)), normalizeComments(string(out)),
			"%s: %s: not gofmt-clean", file, what)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range pkg.CompiledGoFiles {
		var src any
		if name == file {
			src = out
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		require.NoError(t, err)
		files = append(files, f)
	}
	conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
		if imp, ok := pkg.Imports[path]; ok {
			return imp.Types, nil
		}
		return nil, fmt.Errorf("%s not imported by %s", path, pkg.PkgPath)
	})}
	var errs []string
	conf.Error = func(err error) { errs = append(errs, err.Error()) }
	conf.Check(pkg.PkgPath, fset, files, nil)
	assert.Empty(t, errs, "%s: %s: does not compile:\n%s", file, what, out)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
