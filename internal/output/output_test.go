package output

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

const src = `package p

import (
	"fmt"
	"net/http"
)

const tok = "sk-live-SECRET"

func F(h http.Header, p P) {
	h.Set("Authorization", fmt.Sprintf("Bearer %s", p.BearerToken()))
}

func G() {}
`

// parse writes src to a temporary file and parses it.
func parse(t *testing.T) (*token.FileSet, *ast.File, string) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "p.go")
	require.NoError(t, os.WriteFile(name, []byte(src), 0o644))
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
	require.NoError(t, err)
	return fset, f, name
}

// pos returns the position of the n-th occurrence of s in src.
func pos(f *ast.File, s string) token.Pos {
	return f.FileStart + token.Pos(strings.Index(src, s))
}

func finding(fset *token.FileSet, f *ast.File, edits ...analysis.TextEdit) *Finding {
	return &Finding{Analyzer: "bearerheader", Fset: fset, Diagnostic: analysis.Diagnostic{
		Pos: pos(f, "fmt.Sprintf"), Message: "m",
		SuggestedFixes: []analysis.SuggestedFix{{Message: "fix", TextEdits: edits}},
	}}
}

func TestDiffRedactsSecretContext(t *testing.T) {
	fset, f, name := parse(t)
	secrets := NewSecrets()
	secrets.AddPackage(fset, FileNames(fset, []*ast.File{f}), []bearercheck.Span{{Pos: pos(f, `"sk-live`), End: pos(f, `"sk-live`) + 5}})
	edits := []analysis.TextEdit{
		{Pos: pos(f, "fmt.Sprintf"), End: pos(f, "))\n}") + 1, NewText: []byte("p.AuthorizationHeaderValue()")},
		{Pos: pos(f, "\t\"fmt\"\n"), End: pos(f, "\t\"net/http\""), NewText: nil},
	}
	var out bytes.Buffer
	fixes, err := ApplyFixes([]*Finding{finding(fset, f, edits...)}, secrets, true, &out)
	require.NoError(t, err)
	assert.Len(t, fixes.Fixed, 1)
	diff := out.String()
	assert.NotContains(t, diff, "SECRET")
	assert.Contains(t, diff, " "+Redacted+"\n")
	assert.Contains(t, diff, "@@ -1,14 +1,13 @@\n")
	assert.Contains(t, diff, "-\t\"fmt\"\n")
	assert.Contains(t, diff, "+\th.Set(\"Authorization\", p.AuthorizationHeaderValue())\n")
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, src, string(data), "-diff changes nothing")

	// Without -diff the file is written: only the edited bytes change.
	_, err = ApplyFixes([]*Finding{finding(fset, f, edits...)}, secrets, false, &out)
	require.NoError(t, err)
	data, err = os.ReadFile(name)
	require.NoError(t, err)
	want := strings.Replace(strings.Replace(src, "\t\"fmt\"\n", "", 1), `fmt.Sprintf("Bearer %s", p.BearerToken())`, "p.AuthorizationHeaderValue()", 1)
	assert.Equal(t, want, string(data))
}

func TestOverlappingFixes(t *testing.T) {
	fset, f, _ := parse(t)
	e := analysis.TextEdit{Pos: pos(f, "fmt.Sprintf"), End: pos(f, "fmt.Sprintf") + 3, NewText: []byte("x")}
	imp := analysis.TextEdit{Pos: pos(f, "\t\"fmt\"\n"), End: pos(f, "\t\"net/http\"")}
	a, b := finding(fset, f, e, imp), finding(fset, f, analysis.TextEdit{Pos: e.Pos + 1, End: e.End, NewText: []byte("y")}, imp)
	c := finding(fset, f, imp) // the same import removal only: applied once
	var out bytes.Buffer
	fixes, err := ApplyFixes([]*Finding{a, b, c}, nil, true, &out)
	require.NoError(t, err)
	assert.True(t, fixes.Fixed[a])
	assert.False(t, fixes.Fixed[b], "overlaps a")
	assert.True(t, fixes.Fixed[c], "identical edit")
	assert.Equal(t, 1, fixes.Conflicts)
}

func TestContextLines(t *testing.T) {
	lines := strings.Split("a\nb\nc\nd", "\n")
	got := ContextLines(lines, 0, 9, func(l int) bool { return l == 2 })
	assert.Equal(t, "1\ta\n2\t"+Redacted+"\n3\tc\n4\td\n", got)
}

func TestTextPrintsNoUnknownFile(t *testing.T) {
	fset, f, name := parse(t)
	var out bytes.Buffer
	text := &Text{W: &out, Dir: filepath.Dir(name), Context: 50, Secrets: NewSecrets()}
	text.Print(finding(fset, f))
	assert.Equal(t, "p.go:11:25: m (bearerheader)\n", out.String(), "no context from a file whose credentials are not known")

	out.Reset()
	secrets := NewSecrets()
	secrets.AddPackage(fset, FileNames(fset, []*ast.File{f}), []bearercheck.Span{{Pos: pos(f, "const tok"), End: pos(f, "const tok")}})
	text = &Text{W: &out, Context: 1, Secrets: secrets}
	text.Print(finding(fset, f))
	assert.Equal(t, name+":11:25: m (bearerheader)\n10\tfunc F(h http.Header, p P) {\n11\t\th.Set(\"Authorization\", fmt.Sprintf(\"Bearer %s\", p.BearerToken()))\n12\t}\n", out.String())
}

func TestRelPath(t *testing.T) {
	dir := filepath.FromSlash("/work/mod")
	assert.Equal(t, filepath.FromSlash("a/b.go"), RelPath(dir, filepath.FromSlash("/work/mod/a/b.go")))
	assert.Equal(t, filepath.FromSlash("/work/other/b.go"), RelPath(dir, filepath.FromSlash("/work/other/b.go")))
	assert.Equal(t, filepath.FromSlash("/work/mod/b.go"), RelPath("", filepath.FromSlash("/work/mod/b.go")))
}

// After -fix, the findings that remain are listed at their positions in
// the files as written: a removed import line moves every later line up,
// a longer replacement moves the rest of its line right. Credential lines
// are found through the lines they came from.
func TestFixedPositions(t *testing.T) {
	const file = "/m/a.go"
	old := "package a\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc f() { x := fmt.Sprint(1); y := 2 }\n\nvar z = 3\n"
	rm := strings.Index(old, "\t\"fmt\"\n")
	call := strings.Index(old, "fmt.Sprint(1)")
	fx := &Fixes{Old: map[string][]byte{file: []byte(old)}, written: map[string][]fileEdit{file: {
		{rm, rm + len("\t\"fmt\"\n"), ""},
		{call, call + len("fmt.Sprint(1)"), "strconv.Itoa(1) + \"\""},
	}}}
	at := func(sub string) token.Position {
		off := strings.Index(old, sub)
		return token.Position{Filename: file, Offset: off, Line: 1 + strings.Count(old[:off], "\n"), Column: off - strings.LastIndex(old[:off], "\n")}
	}
	written := string(apply([]byte(old), fx.written[file]))
	for _, sub := range []string{"y := 2", "var z", "package a", "\"net/http\""} {
		got := fx.Position(at(sub))
		off := strings.Index(written, sub)
		want := token.Position{Filename: file, Offset: off, Line: 1 + strings.Count(written[:off], "\n"), Column: off - strings.LastIndex(written[:off], "\n")}
		if got != want {
			t.Errorf("Position(%q) = %v, want %v", sub, got, want)
		}
		if l := fx.OldLine(file, want.Line); l != at(sub).Line {
			t.Errorf("OldLine(%d) for %q = %d, want %d", want.Line, sub, l, at(sub).Line)
		}
	}
	if got := fx.Position(at("Sprint(1)")); got.Offset != strings.Index(written, "strconv.Itoa") {
		t.Errorf("a position inside a replacement moves to its start: %v", got)
	}
	var none *Fixes
	if p := at("var z"); none.Position(p) != p || none.OldLine(file, 7) != 7 {
		t.Error("no fixes: positions unchanged")
	}
}

func TestRelPosn(t *testing.T) {
	for in, want := range map[string]string{
		"/m/p/a.go:3:4":       "p/a.go:3:4",
		"/m/p/a.go:3":         "p/a.go:3",
		"/m/p/a.go":           "p/a.go",
		"/elsewhere/a.go:1:2": "/elsewhere/a.go:1:2",
		"-":                   "-",
		"":                    "",
	} {
		if got := RelPosn("/m", in); got != want {
			t.Errorf("RelPosn(%q) = %q, want %q", in, got, want)
		}
	}
}
