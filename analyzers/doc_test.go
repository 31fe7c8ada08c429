package analyzers_test

import (
	"go/doc/comment"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
)

// TestDoc checks each reporting analyzer's documentation against the
// package comment of its doc.go, the page its URL opens: the package doc
// has an "Analyzer name" heading, the URL links to that heading's anchor
// on pkg.go.dev (as x/tools' analyzers do), the Doc is that section, and
// its title is lower-case, has no trailing period and is under 60 letters.
func TestDoc(t *testing.T) {
	suite := analyzers.New(bearercheck.NewFlagOptions())
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
			heading := blocks[i].(*comment.Heading)
			assert.Equal(t, "https://pkg.go.dev/github.com/bearercheck/bearercheck/analyzers/"+a.Name+"#"+heading.DefaultID(), a.URL)
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
