package output

import (
	"go/token"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis"
)

// TestSelect checks the output policy of directive problems: the findings
// of every analyzer go in, those of the enabled analyzers come out, and
// each directive problem comes out once, under its owner when it is
// enabled and under the first enabled analyzer otherwise.
func TestSelect(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("p.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	finding := func(analyzer string, line int, category string) *Finding {
		return &Finding{Analyzer: analyzer, Fset: fset, Diagnostic: analysis.Diagnostic{Pos: f.LineStart(line), Category: category, Message: category}}
	}
	all := []*Finding{
		finding("bearerheader", 1, bearerdetect.DirectiveCategory),
		finding("bearerheader", 2, "literal-prefix"),
		finding("bearerhelper", 3, bearerdetect.DirectiveCategory),
		finding("bearerhelper", 3, "root-helper"),
	}
	type row struct{ analyzer, category string }
	rows := func(fs []*Finding) []row {
		var out []row
		for _, f := range fs {
			out = append(out, row{f.Analyzer, f.Category})
		}
		return out
	}
	dir := bearerdetect.DirectiveCategory
	assert.Equal(t, []row{{"bearerheader", dir}, {"bearerheader", "literal-prefix"}, {"bearerhelper", dir}, {"bearerhelper", "root-helper"}},
		rows(Select(all, []string{"bearerheader", "bearerhelper", "taskauth"})))
	assert.Equal(t, []row{{"taskauth", dir}, {"taskauth", dir}}, rows(Select(all, []string{"taskauth"})))
	assert.Equal(t, []row{{"bearerhelper", dir}, {"bearerhelper", dir}, {"bearerhelper", "root-helper"}},
		rows(Select(all, []string{"bearerhelper", "taskauth"})))
	assert.Equal(t, "bearerhelper", all[2].Analyzer, "Select changes no finding it was given")
}
