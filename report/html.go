package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed html.tmpl
var htmlTemplate string

// writeHTML writes the inventory as one self-contained page: inline CSS and
// JavaScript only, and a Content-Security-Policy that forbids loading
// anything, so the page works offline and from a CI artifact. Figures are
// written by the template and the progress bars are drawn by the page's
// script from the same figures; tables sort by any column on a click.
func writeHTML(w io.Writer, inv *Inventory) error {
	t, err := template.New("report").Funcs(template.FuncMap{
		"percent":    formatPercent,
		"position":   position,
		"plural":     plural,
		"sortPos":    sortPosition,
		"credential": isCredential,
		"short":      shortRevision,
		"kind":       kindWords,
		"fix":        htmlFixWords,
	}).Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("html template: %v", err)
	}
	return t.Execute(w, htmlView{Inventory: inv, New: newSet(inv.Gate)})
}

// htmlView is what the template reads: the inventory, and the fingerprints
// the gate found new.
type htmlView struct {
	*Inventory
	New map[string]bool
}

// Trend returns the chart of the history, nil without one.
func (v htmlView) Trend() *trend { return newTrend(v.Inventory) }

// Migrated returns every migrated site, by package.
func (v htmlView) Migrated() []Site {
	var out []Site
	for _, p := range v.Packages {
		out = append(out, p.Migrated...)
	}
	return out
}

// Remaining returns every remaining site, by package.
func (v htmlView) Remaining() []Site {
	var out []Site
	for _, p := range v.Packages {
		out = append(out, p.Sites...)
	}
	return out
}

// Ignored returns every ignored site, by package.
func (v htmlView) Ignored() []Site {
	var out []Site
	for _, p := range v.Packages {
		out = append(out, p.Ignored...)
	}
	return out
}

// htmlFixWords says what a site's fix does, the replacement as code.
func htmlFixWords(s Site) template.HTML {
	words := fixWords(s)
	if before, ok := strings.CutSuffix(words, s.Fix); ok && s.Fix != "" && before != words {
		return template.HTML(template.HTMLEscapeString(before) + "<code>" + template.HTMLEscapeString(s.Fix) + "</code>")
	}
	return template.HTML(template.HTMLEscapeString(words))
}

// sortPosition is a sort key for file:line that orders lines numerically
// under any collation.
func sortPosition(file string, line int) string {
	return fmt.Sprintf("%s:%09d", file, line)
}
