package output

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Fixes is the outcome of applying the suggested fixes of findings.
type Fixes struct {
	// Fixed are the findings whose fix was applied (or, with a diff, would be).
	Fixed map[*Finding]bool
	// Conflicts counts the fixes skipped because they overlap another.
	Conflicts int
	// Files are the files changed, sorted.
	Files []string
	// Old holds the content of each changed file before the fixes: the
	// positions of the findings that remain refer to it.
	Old map[string][]byte

	// written holds the edits applied to each file written (not with a
	// diff): Position and OldLine map lines through them.
	written map[string][]fileEdit
}

// Position returns where posn, a position in a file as analysed, lies in
// the file as the fixes wrote it: the positions of the findings that
// remain after -fix are listed in the files as written. A position inside
// a replaced range moves to the start of its replacement.
func (f *Fixes) Position(posn token.Position) token.Position {
	es, ok := f.fixed(posn.Filename)
	if !ok || !posn.IsValid() {
		return posn
	}
	off, delta := posn.Offset, 0
	for _, e := range es {
		if e.start >= off || e.end > off {
			if e.start < off {
				off = e.start // inside the edit
			}
			break
		}
		delta += len(e.text) - (e.end - e.start)
	}
	written := apply(f.Old[posn.Filename], es)
	n := min(off+delta, len(written))
	posn.Offset = n
	posn.Line = 1 + bytes.Count(written[:n], []byte("\n"))
	posn.Column = n - (bytes.LastIndexByte(written[:n], '\n') + 1) + 1
	return posn
}

// OldLine returns the line of file as analysed that line of the file as
// written comes from (a line of a replacement: the line the replaced text
// began on). The credential lines found by the analysis are lines of the
// files as analysed.
func (f *Fixes) OldLine(file string, line int) int {
	es, ok := f.fixed(file)
	if !ok {
		return line
	}
	written := apply(f.Old[file], es)
	n := 0 // the offset of line in written
	for l := 1; l < line && n < len(written); l++ {
		i := bytes.IndexByte(written[n:], '\n')
		if i < 0 {
			n = len(written)
			break
		}
		n += i + 1
	}
	old, delta := n, 0
	for _, e := range es {
		ns := e.start + delta
		if n < ns {
			break
		}
		if n < ns+len(e.text) {
			old = e.start
			delta = 0
			break
		}
		delta += len(e.text) - (e.end - e.start)
		old = n - delta
	}
	src := f.Old[file]
	old = min(max(old, 0), len(src))
	return 1 + bytes.Count(src[:old], []byte("\n"))
}

// fixed returns the edits applied to file, if it was written.
func (f *Fixes) fixed(file string) ([]fileEdit, bool) {
	if f == nil {
		return nil, false
	}
	es, ok := f.written[file]
	return es, ok
}

type fileEdit struct {
	start, end int
	text       string
}

// ApplyFixes applies the first suggested fix of each finding, in order,
// skipping a fix that overlaps one applied before (an identical edit, such
// as two fixes removing the same import, is applied once). With diff set
// it writes a unified diff of every change to w instead of writing the
// files; context lines that hold credential text are redacted.
func ApplyFixes(findings []*Finding, secrets *Secrets, diff bool, w io.Writer) (*Fixes, error) {
	out := &Fixes{Fixed: map[*Finding]bool{}, Old: map[string][]byte{}, written: map[string][]fileEdit{}}
	edits := map[string][]fileEdit{}
	sizes := map[string]int{}
next:
	for _, f := range findings {
		if len(f.SuggestedFixes) == 0 {
			continue
		}
		add := map[string][]fileEdit{}
		for _, e := range f.SuggestedFixes[0].TextEdits {
			tf := f.Fset.File(e.Pos)
			if tf == nil {
				out.Conflicts++
				continue next
			}
			name := tf.Name()
			sizes[name] = tf.Size()
			ne := fileEdit{tf.Offset(e.Pos), tf.Offset(cmp.Or(e.End, e.Pos)), string(e.NewText)}
			if slices.Contains(edits[name], ne) {
				continue // the same edit from another fix
			}
			for _, old := range append(edits[name], add[name]...) {
				if ne.start < old.end && old.start < ne.end || ne.start == old.start {
					out.Conflicts++
					continue next
				}
			}
			add[name] = append(add[name], ne)
		}
		for name, es := range add {
			edits[name] = append(edits[name], es...)
		}
		out.Fixed[f] = true
	}
	for name := range edits {
		out.Files = append(out.Files, name)
	}
	slices.Sort(out.Files)
	for _, name := range out.Files {
		old, err := os.ReadFile(name)
		if err != nil {
			return out, err
		}
		out.Old[name] = old
		if len(old) != sizes[name] {
			return out, fmt.Errorf("%s changed during the run; not fixed", name)
		}
		es := edits[name]
		slices.SortFunc(es, func(a, b fileEdit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
		if diff {
			writeDiff(w, name, old, es, secrets)
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return out, err
		}
		if err := os.WriteFile(name, apply(old, es), info.Mode().Perm()); err != nil {
			return out, err
		}
		out.written[name] = es
	}
	return out, nil
}

// apply applies sorted, non-overlapping edits to src.
func apply(src []byte, es []fileEdit) []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range es {
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// diffContext is the number of unchanged lines shown around a change, as
// in diff -u.
const diffContext = 3

// change replaces old lines [from, to) (0-based) with new lines.
type change struct {
	from, to int
	new      []string
}

// writeDiff writes the unified diff of applying es to file name, as git
// diff does: its path relative to its module's root, after a/ and b/, so
// that git apply (or patch -p1) in that root applies it.
func writeDiff(w io.Writer, name string, src []byte, es []fileEdit, secrets *Secrets) {
	lines := splitLines(string(src))
	starts := make([]int, len(lines)+1) // byte offset of each line; starts[len] = len(src)
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l)
	}
	lineOf := func(off int) int { // the line holding byte off
		i, found := slices.BinarySearch(starts, off)
		if found {
			return i
		}
		return i - 1
	}
	// Each edit, widened to whole lines; edits sharing a line are one change.
	var changes []change
	for i := 0; i < len(es); {
		from := lineOf(es[i].start)
		to := lineOf(max(es[i].end-1, es[i].start)) + 1
		j := i + 1
		for ; j < len(es) && lineOf(es[j].start) < to; j++ {
			to = max(to, lineOf(max(es[j].end-1, es[j].start))+1)
		}
		to = min(to, len(lines))
		base := starts[from]
		seg := make([]fileEdit, 0, j-i)
		for _, e := range es[i:j] {
			seg = append(seg, fileEdit{e.start - base, e.end - base, e.text})
		}
		changes = append(changes, change{from, to, splitLines(string(apply(src[base:starts[to]], seg)))})
		i = j
	}
	line := func(prefix string, i int) string {
		if !secrets.Printable(name, i+1) {
			return prefix + Redacted + "\n"
		}
		l := lines[i]
		if !strings.HasSuffix(l, "\n") {
			l += "\n\\ No newline at end of file\n"
		}
		return prefix + l
	}
	path := patchPath(name)
	fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", path, path)
	delta := 0 // new line number minus old line number before the hunk
	for i := 0; i < len(changes); {
		j := i + 1
		for j < len(changes) && changes[j].from-changes[j-1].to <= 2*diffContext {
			j++
		}
		from := max(changes[i].from-diffContext, 0)
		to := min(changes[j-1].to+diffContext, len(lines))
		var body strings.Builder
		oldN, newN := 0, 0
		at := from
		hunkDelta := delta
		for _, c := range changes[i:j] {
			for ; at < c.from; at++ {
				body.WriteString(line(" ", at))
				oldN++
				newN++
			}
			for ; at < c.to; at++ {
				body.WriteString(line("-", at))
				oldN++
			}
			for _, l := range c.new {
				if !strings.HasSuffix(l, "\n") {
					l += "\n\\ No newline at end of file\n"
				}
				body.WriteString("+" + l)
				newN++
			}
			delta += len(c.new) - (c.to - c.from)
		}
		for ; at < to; at++ {
			body.WriteString(line(" ", at))
			oldN++
			newN++
		}
		fmt.Fprintf(w, "@@ -%s +%s @@\n%s", hunkRange(from, oldN), hunkRange(from+hunkDelta, newN), body.String())
		i = j
	}
}

// patchPath is the slash-separated path of file relative to the root of
// the module holding it (the nearest directory up holding go.mod); the
// path relative to the current directory for a file in no module.
func patchPath(file string) string {
	for dir := filepath.Dir(file); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if rel, err := filepath.Rel(dir, file); err == nil {
				return filepath.ToSlash(rel)
			}
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	cwd, _ := os.Getwd()
	return filepath.ToSlash(RelPath(cwd, file))
}

// hunkRange formats the range of a hunk header: 1-based start, length.
func hunkRange(from, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", from)
	}
	return fmt.Sprintf("%d,%d", from+1, n)
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
