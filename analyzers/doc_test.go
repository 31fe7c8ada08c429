package analyzers_test

import (
	"bytes"
	"flag"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/internal/docs"
	"github.com/bearercheck/bearercheck/bearercheck/config"
)

// TestDoc checks each reporting analyzer's documentation against the
// package comment of its doc.go: the package doc has an "Analyzer name"
// heading, the Doc is that section, its title is lower-case, has no
// trailing period and is under 60 letters, and the URL opens the
// analyzer's section of docs/analyzers.md (which TestDocsPage generates
// from the same doc.go).
func TestDoc(t *testing.T) {
	suite := analyzers.New(config.NewFlagOptions())
	for _, a := range suite.Reporting() {
		t.Run(a.Name, func(t *testing.T) {
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(a.Name, "doc.go"), nil, parser.ParseComments|parser.PackageClauseOnly)
			require.NoError(t, err)
			require.NotNil(t, f.Doc, "doc.go has no package comment")
			assert.Equal(t, a.Name, f.Name.Name, "the analyzer is not named after its package")

			// The heading, its anchor in the URL, and the title right below it.
			var p comment.Parser
			blocks := p.Parse(f.Doc.Text()).Content
			i := slices.IndexFunc(blocks, func(b comment.Block) bool {
				h, ok := b.(*comment.Heading)
				return ok && plainText(h.Text) == "Analyzer "+a.Name
			})
			require.GreaterOrEqual(t, i, 0, "no # Analyzer %s heading in doc.go", a.Name)
			assert.Equal(t, docs.URL(a.Name), a.URL)
			require.Greater(t, len(blocks), i+1, "nothing under the heading")
			para, ok := blocks[i+1].(*comment.Paragraph)
			require.True(t, ok, "the heading is not followed by the title")
			firstLine, _, _ := strings.Cut(a.Doc, "\n")
			assert.Equal(t, plainText(para.Text), firstLine, "Doc does not start with the title under the heading")

			// The title.
			title, rest, _ := strings.Cut(a.Doc, "\n")
			title, ok = strings.CutPrefix(title, a.Name+": ")
			require.True(t, ok, "title %q does not start with %q", title, a.Name+": ")
			require.NotEmpty(t, title)
			first, _ := utf8.DecodeRuneInString(title)
			assert.True(t, unicode.IsLower(first), "title %q does not start lower-case", title)
			assert.False(t, strings.HasSuffix(title, "."), "title %q ends with a period", title)
			assert.Less(t, utf8.RuneCountInString(title), 60, "title %q is too long", title)
			assert.NotEmpty(t, strings.TrimSpace(rest), "Doc has no description after the title")
		})
	}
}

func plainText(text []comment.Text) string {
	var b strings.Builder
	for _, t := range text {
		if p, ok := t.(comment.Plain); ok {
			b.WriteString(string(p))
		}
	}
	return b.String()
}

var update = flag.Bool("update", false, "rewrite docs/analyzers.md from the analyzers' doc.go")

// TestDocsPage checks that docs/analyzers.md is generated from the
// analyzers' documentation (their doc.go), with a section per analyzer
// whose anchor is the one its URL names; -update rewrites it.
func TestDocsPage(t *testing.T) {
	suite := analyzers.New(config.NewFlagOptions())
	var b bytes.Buffer
	b.WriteString(`# Analyzers

<!-- Generated from the analyzers' doc.go by
     go test ./analyzers -run TestDocsPage -update
     Edit doc.go, not this file. -->

bearercheck reports through three analyzers. They share one base analyzer,
` + "`bearerdetect`" + `, which finds the authorization sinks, bearer values and
bearer-only helpers of each package, records what it learns as facts that
cross package boundaries, and reports nothing itself; so the three never
disagree. ` + "`bearercheck help NAME`" + ` prints the same text as this page.
The categories of each analyzer's diagnostics are stable (in ` + "`-json`" + `,
SARIF and the report's JSON); the report describes them in plain words.
`)
	all := append(suite.Reporting(), suite.Base)
	for _, a := range all {
		b.WriteString("\n## " + a.Name + "\n\n")
		var p comment.Parser
		pr := comment.Printer{HeadingLevel: 3}
		b.Write(pr.Markdown(p.Parse(a.Doc)))
	}
	for _, a := range all {
		_, anchor, _ := strings.Cut(a.URL, "#")
		assert.Equal(t, docs.Page, strings.TrimSuffix(a.URL, "#"+anchor), "%s: URL is not on the docs page", a.Name)
		assert.Contains(t, b.String(), "\n## "+anchor+"\n", "%s: URL anchor %q has no section", a.Name, anchor)
	}
	const file = "../docs/analyzers.md"
	if *update {
		require.NoError(t, os.WriteFile(file, b.Bytes(), 0o666))
	}
	got, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, b.String(), string(got), "docs/analyzers.md is not generated from doc.go: run go test ./analyzers -run TestDocsPage -update")
}
