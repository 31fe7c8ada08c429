package corpus

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const header = "module\tversion\tfile\tline\talt_line\tfunc\tcategory\tendpoint\n"

func TestParseLabels(t *testing.T) {
	labels, err := ParseLabels(strings.NewReader(header +
		"example.com/m\tv1.0.0\ta/b.go\t12\t11\t(*T).M\tHEADER\turl\n" +
		"example.com/m\tv1.0.0\tc.go\t3\t\t<const X>\tNEGATIVE\t\n\n"))
	require.NoError(t, err)
	assert.Equal(t, []Label{
		{Module: "example.com/m", Version: "v1.0.0", File: "a/b.go", Line: 12, AltLine: 11, Func: "(*T).M", Category: "HEADER", Endpoint: "url"},
		{Module: "example.com/m", Version: "v1.0.0", File: "c.go", Line: 3, Func: "<const X>", Category: "NEGATIVE"},
	}, labels)

	for name, in := range map[string]string{
		"no header":    "example.com/m\tv1.0.0\tc.go\t3\t\tF\tHEADER\t\n",
		"columns":      header + "example.com/m\tv1.0.0\tc.go\t3\tF\tHEADER\n",
		"line":         header + "example.com/m\tv1.0.0\tc.go\tx\t\tF\tHEADER\t\n",
		"alt_line":     header + "example.com/m\tv1.0.0\tc.go\t3\t-1\tF\tHEADER\t\n",
		"empty module": header + "\tv1.0.0\tc.go\t3\t\tF\tHEADER\t\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseLabels(strings.NewReader(in))
			assert.Error(t, err)
		})
	}
}

func TestSplitPosn(t *testing.T) {
	tests := []struct {
		posn string
		file string
		line int
		ok   bool
	}{
		{"/m/a.go:12:3", "/m/a.go", 12, true},
		{"/m/a.go:12", "/m/a.go", 12, true},
		{`C:\m\a.go:7:1`, `C:\m\a.go`, 7, true},
		{"/m/a.go", "", 0, false},
		{"-", "", 0, false},
		{":1:2", "", 0, false},
	}
	for _, tt := range tests {
		file, line, err := splitPosn(tt.posn)
		if !tt.ok {
			assert.Error(t, err, tt.posn)
			continue
		}
		require.NoError(t, err, tt.posn)
		assert.Equal(t, tt.file, file)
		assert.Equal(t, tt.line, line)
	}
}

func TestParseOutput(t *testing.T) {
	t.Run("stream", func(t *testing.T) {
		out, err := ParseOutput(strings.NewReader(`{
	"p": {
		"bearerheader": [
			{"posn": "/m/b.go:9:2", "end": "/m/b.go:9:20", "message": "second", "category": "literal-prefix"},
			{"posn": "/m/a.go:3:1", "end": "/m/a.go:3:5", "message": "first"}
		],
		"taskauth": {"error": "boom"}
	}
}
{
	"p [p.test]": {
		"bearerheader": [{"posn": "/m/a.go:3:1", "message": "first"}]
	},
	"q": {"bearerhelper": [{"posn": "/m/c.go:1", "message": "third"}]}
}
`))
		require.NoError(t, err)
		assert.Equal(t, []Diagnostic{
			{Package: "p", Analyzer: "bearerheader", Posn: "/m/a.go:3:1", Filename: "/m/a.go", Line: 3, Message: "first"},
			{Package: "p", Analyzer: "bearerheader", Posn: "/m/b.go:9:2", Filename: "/m/b.go", Line: 9, Message: "second", Category: "literal-prefix"},
			{Package: "q", Analyzer: "bearerhelper", Posn: "/m/c.go:1", Filename: "/m/c.go", Line: 1, Message: "third"},
		}, out.Diagnostics)
		assert.Equal(t, []AnalyzerError{{"p", "taskauth", "boom"}}, out.Errors)
	})
	t.Run("empty object", func(t *testing.T) {
		out, err := ParseOutput(strings.NewReader("{}\n"))
		require.NoError(t, err)
		assert.Empty(t, out.Diagnostics)
		assert.Empty(t, out.Errors)
	})
	for name, in := range map[string]string{
		"empty":     "",
		"not json":  "bearercheck: load error\n",
		"truncated": `{"p": {"a": [`,
		"bad diag":  `{"p": {"a": "x"}}`,
		"bad posn":  `{"p": {"a": [{"posn": "-", "message": "m"}]}}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseOutput(strings.NewReader(in))
			assert.Error(t, err)
		})
	}
}

func TestParseModules(t *testing.T) {
	mods, err := ParseModules(strings.NewReader(`{"Path": "corpus.example/realworld", "Main": true, "Dir": "/c"}
{"Path": "example.com/m", "Version": "v1.0.0", "Dir": "/mod/example.com/m@v1.0.0"}
{"Path": "example.com/n", "Version": "v2.0.0"}
`))
	require.NoError(t, err)
	assert.Equal(t, []Module{
		{Path: "corpus.example/realworld", Dir: "/c"},
		{Path: "example.com/m", Version: "v1.0.0", Dir: "/mod/example.com/m@v1.0.0"},
		{Path: "example.com/n", Version: "v2.0.0"},
	}, mods)

	_, err = ParseModules(strings.NewReader("{"))
	assert.Error(t, err)
}

func TestLocate(t *testing.T) {
	mods := []Module{
		{Path: "example.com/m", Version: "v1.0.0", Dir: "/mod/example.com/m@v1.0.0"},
		{Path: "example.com/m/sub", Version: "v1.2.0", Dir: "/mod/example.com/m@v1.0.0/sub"}, // nested dir wins
		{Path: "example.com/mm", Version: "v1.0.0", Dir: "/mod/example.com/m@v1.0.0x"},
		{Path: "example.com/nodir", Version: "v1.0.0"},
	}
	tests := []struct {
		file string
		want Site
	}{
		{"/mod/example.com/m@v1.0.0/a/b.go", Site{"example.com/m", "v1.0.0", "a/b.go", 5}},
		{"/mod/example.com/m@v1.0.0/sub/c.go", Site{"example.com/m/sub", "v1.2.0", "c.go", 5}},
		{"/mod/example.com/m@v1.0.0x/d.go", Site{"example.com/mm", "v1.0.0", "d.go", 5}},
		{"/elsewhere/e.go", Site{File: "/elsewhere/e.go", Line: 5}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Locate(mods, tt.file, 5), tt.file)
	}
}

const declSrc = `package p

type T struct{}

type G[K comparable, V any] struct{}

func F() {}

func (T) M() {}

func (t *T) P() {}

func (g *G[K, V]) Q() {}

func
Split() {}
`

func TestFuncDeclLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "p.go")
	require.NoError(t, os.WriteFile(file, []byte(declSrc), 0o644))
	tests := []struct {
		name string
		line int // 0: error
	}{
		{"F", 7},
		{"(T).M", 9},
		{"(*T).P", 11},
		{"(*G).Q", 13},
		{"Split", 15}, // the line of the func keyword
		{"(*T).M", 0}, // pointerness must match
		{"(T).P", 0},
		{"M", 0},
		{"(U).M", 0},
		{"Missing", 0},
		{"<const X>", 0},
		{"(*T)M", 0},
	}
	for _, tt := range tests {
		line, err := FuncDeclLine(file, tt.name)
		if tt.line == 0 {
			assert.Error(t, err, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.line, line, tt.name)
	}
	_, err := FuncDeclLine(filepath.Join(t.TempDir(), "missing.go"), "F")
	assert.Error(t, err)
}

func TestScore(t *testing.T) {
	const dir = "/mod/example.com/m@v1.0.0"
	mods := []Module{{Path: "example.com/m", Version: "v1.0.0", Dir: dir}}
	lbl := func(file string, line, alt int, fn, cat string) Label {
		return Label{Module: "example.com/m", Version: "v1.0.0", File: file, Line: line, AltLine: alt, Func: fn, Category: cat}
	}
	diag := func(analyzer, file string, line int) Diagnostic {
		return Diagnostic{Package: "example.com/m", Analyzer: analyzer, Posn: filepath.Join(dir, file) + ":" + strconv.Itoa(line) + ":2",
			Filename: filepath.Join(dir, file), Line: line, Message: "msg"}
	}
	labels := []Label{
		lbl("a.go", 10, 0, "F", Header),              // found on line
		lbl("a.go", 20, 19, "G", Header),             // found on alt_line
		lbl("a.go", 30, 0, "H", Header),              // missed
		lbl("h.go", 40, 0, "(*T).RoundTrip", Helper), // found on declaration
		lbl("h.go", 50, 0, "(T).Other", Helper),      // declaration reported by another analyzer only: missed
		lbl("h.go", 60, 0, "Gone", Helper),           // declaration missing: error and miss
		lbl("a.go", 70, 0, "<var X>", Negative),      // false positive
		lbl("a.go", 71, 0, "<var Y>", Negative),      // quiet
		lbl("a.go", 80, 0, "I", Indirect),            // hit
		lbl("a.go", 81, 0, "J", Indirect),            // quiet
		lbl("w.go", 5, 0, "W", "HEADER (not built on linux)"),
	}
	decls := map[string]int{"h.go (*T).RoundTrip": 35, "h.go (T).Other": 45, "a.go F": 95}
	declLine := func(filename, name string) (int, error) {
		if l, ok := decls[strings.TrimPrefix(filename, dir+"/")+" "+name]; ok {
			return l, nil
		}
		return 0, os.ErrNotExist
	}
	out := &Output{
		Diagnostics: []Diagnostic{
			diag("bearerheader", "a.go", 10),
			diag("taskauth", "a.go", 19),
			diag("bearerheader", "a.go", 70),
			diag("bearerheader", "a.go", 80),
			diag("bearerhelper", "a.go", 95), // unlabelled: declaration of F, a HEADER
			diag("bearerheader", "a.go", 99), // unlabelled
			diag("bearerhelper", "h.go", 35),
			diag("bearerheader", "h.go", 45), // unlabelled: only bearerhelper counts on a declaration
			diag("bearerheader", "w.go", 5),  // out of scope label: neither counted nor unlabelled
			{Analyzer: "bearerheader", Posn: "/other/x.go:1:1", Filename: "/other/x.go", Line: 1},
		},
		Errors: []AnalyzerError{{"p", "taskauth", "boom"}},
	}
	res := Score(Input{Labels: labels, Output: out, Modules: mods, DeclLine: declLine})

	found, all := res.Recall()
	assert.Equal(t, 3, found)
	assert.Equal(t, 6, all)
	assert.False(t, res.OK())
	assert.Equal(t, []string{Header, Helper, Negative, Indirect}, res.Categories)
	assert.Equal(t, map[string]int{Header: 3, Helper: 3, Negative: 2, Indirect: 2}, res.Expected)
	assert.Equal(t, map[string]int{Header: 2, Helper: 1, Negative: 1, Indirect: 1}, res.Reported)
	assert.Equal(t, 1, res.OutOfScope)

	var missed []string
	for _, l := range res.Misses {
		missed = append(missed, l.Func)
	}
	assert.Equal(t, []string{"H", "(T).Other", "Gone"}, missed)
	require.Len(t, res.Found, 3)
	assert.Equal(t, "taskauth", res.Found[1].Diags[0].Analyzer)
	assert.Equal(t, 35, res.Found[2].Diags[0].Line)
	require.Len(t, res.FalsePositives, 1)
	assert.Equal(t, 70, res.FalsePositives[0].Label.Line)
	require.Len(t, res.Indirect, 1)
	assert.Equal(t, 80, res.Indirect[0].Label.Line)

	var stray []string
	for _, s := range res.Unlabelled {
		stray = append(stray, s.Site.String()+" "+s.DeclOf)
	}
	assert.Equal(t, []string{
		"example.com/m@v1.0.0 a.go:95 F",
		"example.com/m@v1.0.0 a.go:99 ",
		"example.com/m@v1.0.0 h.go:45 (T).Other",
		"/other/x.go:1 ",
	}, stray)
	require.Len(t, res.Errors, 2)
	assert.Contains(t, res.Errors[0], "boom")
	assert.Contains(t, res.Errors[1], "Gone")

	var b strings.Builder
	require.NoError(t, WriteReport(&b, res))
	report := b.String()
	for _, want := range []string{
		"HEADER     2/3",
		"HELPER     1/3",
		"NEGATIVE   1/2",
		"INDIRECT   1/2",
		"out of scope (not built on linux): 1 labels",
		"misses (3):",
		"HEADER   example.com/m@v1.0.0 a.go:30 H",
		"false positives (1):",
		"NEGATIVE example.com/m@v1.0.0 a.go:70 <var X>",
		"INDIRECT hits (1):",
		"unlabelled diagnostics (4):",
		"a.go:95 bearerhelper: msg [declaration of labelled F]",
		"errors (2):",
	} {
		assert.Contains(t, report, want)
	}
	assert.True(t, strings.HasSuffix(report, "\nrecall 3/6, 1 false positives\n"), report)
}

func TestScoreClean(t *testing.T) {
	labels := []Label{{Module: "m", Version: "v1", File: "a.go", Line: 3, Func: "F", Category: Header}}
	mods := []Module{{Path: "m", Version: "v1", Dir: "/d"}}
	out := &Output{Diagnostics: []Diagnostic{{Analyzer: "bearerheader", Posn: "/d/a.go:3:1", Filename: "/d/a.go", Line: 3}}}
	res := Score(Input{Labels: labels, Output: out, Modules: mods})
	assert.True(t, res.OK())
	var b strings.Builder
	require.NoError(t, WriteReport(&b, res))
	assert.True(t, strings.HasSuffix(b.String(), "\nrecall 1/1, 0 false positives\n"), b.String())
	assert.NotContains(t, b.String(), "misses")
}
