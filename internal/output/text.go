package output

import (
	"fmt"
	"go/token"
	"io"
	"os"
	"strings"

	"github.com/bearercheck/bearercheck/internal/escape"
)

// Text prints findings as staticcheck does, one a line,
//
//	path/file.go:12:3: message (analyzer)
//
// with the related information of each on the lines after it, and, when
// Context >= 0, that many lines of source around each position. A line
// that holds credential text is printed as Redacted.
type Text struct {
	W       io.Writer
	Dir     string // positions are printed relative to Dir when below it
	Context int    // lines of context around each position; < 0: none
	Secrets *Secrets
	// Fixed, when set, are the fixes -fix wrote: positions and context are
	// those of the files as written.
	Fixed *Fixes

	files map[string][]string
}

// Print prints one finding.
func (t *Text) Print(f *Finding) {
	t.print(f.Fset, f.Pos, f.End, "", f.Message+" ("+f.Analyzer+")")
	for _, rel := range f.Related {
		t.print(f.Fset, rel.Pos, rel.End, "\t", rel.Message) // the tab marks related information
	}
}

// print prints msg, escaped, after indent, which is not.
func (t *Text) print(fset *token.FileSet, pos, end token.Pos, indent, msg string) {
	posn := t.Fixed.Position(fset.Position(pos))
	where := posn
	where.Filename = RelPath(t.Dir, posn.Filename)
	fmt.Fprintf(t.W, "%s: %s%s\n", escape.String(where.String()), indent, escape.String(msg))
	if t.Context < 0 || !posn.IsValid() || !t.Secrets.Known(posn.Filename) {
		return // no context from a file whose credentials are not known
	}
	last := posn.Line
	if e := t.Fixed.Position(fset.Position(end)); e.IsValid() && e.Filename == posn.Filename {
		last = max(last, e.Line)
	}
	lines, ok := t.files[posn.Filename]
	if !ok {
		data, _ := os.ReadFile(posn.Filename)
		lines = strings.Split(string(data), "\n")
		if t.files == nil {
			t.files = map[string][]string{}
		}
		t.files[posn.Filename] = lines
	}
	io.WriteString(t.W, ContextLines(lines, posn.Line-t.Context, last+t.Context, func(line int) bool {
		return !t.Secrets.Printable(posn.Filename, t.Fixed.OldLine(posn.Filename, line))
	}))
}

// ContextLines returns lines from..to (1-based, clipped to the file) of a
// file split into lines, each as "N\ttext\n", the lines for which secret
// reports true as "N\t[line redacted: hard-coded credential]\n".
func ContextLines(lines []string, from, to int, secret func(line int) bool) string {
	var b strings.Builder
	for i := max(from, 1); i <= to && i <= len(lines); i++ {
		text := escape.Line(strings.TrimSuffix(lines[i-1], "\r"))
		if secret(i) {
			text = Redacted
		}
		fmt.Fprintf(&b, "%d\t%s\n", i, text)
	}
	return b.String()
}
