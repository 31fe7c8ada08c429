package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/bearercheck/bearercheck/bearercheck"
)

// A format is one output format of Render.
type format struct {
	name   string
	render func(io.Writer, *Inventory) error
}

// formats are the output formats, in the order Formats lists them. Each
// renderer is in its own file; this is the one place that names them.
func formats() []format {
	return []format{
		{"text", writeText},
		{"markdown", writeMarkdown},
		{"json", writeJSON},
		{"sarif", writeSARIF},
		{"html", writeHTML},
	}
}

// Formats returns the names of the formats Render accepts.
func Formats() []string {
	var names []string
	for _, f := range formats() {
		names = append(names, f.name)
	}
	return names
}

// Render writes inv to w in the named format. An unknown format is an error
// that lists the known ones.
func Render(w io.Writer, inv *Inventory, format string) error {
	if inv == nil {
		return fmt.Errorf("report: no inventory to render")
	}
	for _, f := range formats() {
		if f.name == format {
			return f.render(w, inv)
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// Headline is the summary's headline, the same in every format:
// "N of M authorization sites migrated (P%)", followed, while sites
// remain, by "; K of R remaining fixable by bearercheck -fix".
func (s Summary) Headline() string {
	h := fmt.Sprintf("%d of %d authorization sites migrated (%s%%)", s.Migrated, s.Total, formatPercent(s.Percent))
	if s.Remaining > 0 {
		h += fmt.Sprintf("; %d of %d remaining fixable by bearercheck -fix", s.Fixable, s.Remaining)
	}
	return h
}

// kindWords says what a kind of site (the diagnostic category, which JSON
// and SARIF keep) does, in plain words.
func kindWords(kind string) string {
	switch bearercheck.Kind(kind) {
	case bearercheck.KindLiteral:
		return `adds "Bearer " to a token`
	case bearercheck.KindSprintf:
		return `formats "Bearer <token>"`
	case bearercheck.KindJoin:
		return `joins "Bearer" and a token`
	case bearercheck.KindHelper:
		return "takes a bearer-only helper's value"
	case bearercheck.KindScheme:
		return "passes the Bearer scheme"
	case bearercheck.KindAPI:
		return "calls an API that sends a Bearer token"
	case bearercheck.KindHardCoded:
		return "hard-coded credential"
	}
	switch kind {
	case "migrated":
		return "uses the provider"
	case "ignored-task":
		return "ignores an agent task"
	}
	return kind
}

// fixWords says what the offered fix of a site does, "" without one.
func fixWords(s Site) string {
	switch {
	case s.FixAction != "":
		return s.FixAction
	case s.Fix != "":
		return "replace the value with " + s.Fix
	}
	return ""
}

// isCredential reports whether a site of this kind is a hard-coded
// credential: a security finding, not only an unfinished migration.
func isCredential(kind string) bool { return kind == string(bearercheck.KindHardCoded) }

// formatPercent writes a percentage as the inventory rounds it, to one
// decimal at most: 21.4, 100, 0.
func formatPercent(p float64) string {
	return strconv.FormatFloat(math.Round(p*10)/10, 'f', -1, 64)
}
