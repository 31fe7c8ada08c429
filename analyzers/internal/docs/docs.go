// Package docs extracts an analyzer's documentation from its package
// comment, so that doc.go is the one place it is written.
package docs

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Page is the documentation page of the analyzers, generated from their
// doc.go files (TestDocsPage in package analyzers keeps it in step).
const Page = "https://github.com/bearercheck/bearercheck/blob/main/docs/analyzers.md"

// URL returns the address of the section of Page that documents the
// analyzer name, the URL of the analyzer (and the helpUri of its SARIF
// rule).
func URL(name string) string { return Page + "#" + name }

// Extract returns the section headed "# Analyzer name" of the package
// comment of the Go source content, without the heading: the analyzer's
// title on the first line, then its description. It panics when there is
// no such section, which a test of every analyzer catches.
func Extract(content, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("docs: no package comment for %s: %v", name, err))
	}
	heading := "# Analyzer " + name
	text := f.Doc.Text()
	i := strings.Index(text, heading+"\n")
	if i < 0 {
		panic(fmt.Sprintf("docs: no %q heading", heading))
	}
	text = text[i+len(heading)+1:]
	if j := strings.Index(text, "\n# "); j >= 0 {
		text = text[:j]
	}
	return strings.TrimSpace(text)
}
