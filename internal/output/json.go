package output

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
)

// The JSON tree printed with -json is the one every go/analysis driver
// prints,
//
//	{"<package ID>": {"<analyzer>": [diagnostic, ...] | {"error": "..."}}}
//
// with each finding listed once, under the first package (in ID order)
// that reports it.
type (
	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated      `json:"related,omitempty"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// JSON prints findings and errors as the go/analysis JSON tree.
func JSON(w io.Writer, findings []*Finding, errs []*ActionError) error {
	tree := map[string]map[string]any{}
	add := func(pkg, analyzer string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = map[string]any{}
		}
		tree[pkg][analyzer] = v
	}
	for _, e := range errs {
		add(e.Package, e.Analyzer, jsonError{e.Err.Error()})
	}
	for _, f := range findings {
		fset := f.Fset
		d := jsonDiagnostic{
			Category: f.Category,
			Posn:     fset.Position(f.Pos).String(),
			End:      fset.Position(cmp.Or(f.End, f.Pos)).String(),
			Message:  f.Message,
		}
		for _, fix := range f.SuggestedFixes {
			jf := jsonSuggestedFix{Message: fix.Message, Edits: []jsonTextEdit{}}
			for _, e := range fix.TextEdits {
				start, end := fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos))
				jf.Edits = append(jf.Edits, jsonTextEdit{start.Filename, start.Offset, end.Offset, string(e.NewText)})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		for _, r := range f.Related {
			d.Related = append(d.Related, jsonRelated{
				Posn:    fset.Position(r.Pos).String(),
				End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
				Message: r.Message,
			})
		}
		list, _ := tree[f.Package][f.Analyzer].([]jsonDiagnostic)
		add(f.Package, f.Analyzer, append(list, d))
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
