// Package output is bearercheck's output policy, applied in one place that
// every driver of the command goes through (the plain run, -json, -fix,
// -diff, vet units): which findings are printed (each once, whichever test
// variants of a package report it), in which order (by file and line,
// across analyzers), how positions are written (relative to the current
// directory when below it), and that no line holding credential text is
// ever printed, as context (-c) or in a diff (-diff).
package output

import (
	"cmp"
	"encoding/gob"
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bearercheck/bearercheck/bearercheck"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// Finding is one diagnostic of a reporting analyzer.
type Finding struct {
	Analyzer string
	// Package is the ID of the package the finding is listed under: the
	// first, in ID order, of the packages that report it.
	Package string
	Fset    *token.FileSet
	analysis.Diagnostic
}

// Posn returns the position of the finding.
func (f *Finding) Posn() token.Position { return f.Fset.Position(f.Pos) }

// ActionError is an analysis action that failed.
type ActionError struct {
	Analyzer string
	Package  string
	Err      error
}

// Collect returns the findings of graph's root actions, each once, sorted
// by file, line, column and analyzer, and the errors of the root actions
// sorted by package and analyzer. A package and its test variants
// ("p", "p [p.test]") report the same sites of non-test files: a finding
// is kept under the first package, in ID order, that reports it, with the
// message and fixes of the variant that sees the most files.
func Collect(graph *checker.Graph) ([]*Finding, []*ActionError) {
	roots := slices.Clone(graph.Roots)
	slices.SortStableFunc(roots, func(a, b *checker.Action) int {
		return cmp.Or(cmp.Compare(a.Package.ID, b.Package.ID), cmp.Compare(a.Analyzer.Name, b.Analyzer.Name))
	})
	type key struct {
		analyzer, category string
		pos, end           token.Position
	}
	// The same finding from another variant of the package: the variant
	// that sees more files (the test variant) decides its message and
	// fix, which must keep the package's tests compiling too.
	seen := map[key]*Finding{}
	files := map[*Finding]int{}
	var findings []*Finding
	var errs []*ActionError
	for _, act := range roots {
		if act.Err != nil {
			errs = append(errs, &ActionError{act.Analyzer.Name, act.Package.ID, act.Err})
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			k := key{analyzer: act.Analyzer.Name, pos: fset.Position(d.Pos), end: fset.Position(d.End), category: d.Category}
			if prev := seen[k]; prev != nil && prev.Package != act.Package.ID {
				if len(act.Package.Syntax) > files[prev] {
					prev.Fset, prev.Diagnostic, files[prev] = fset, d, len(act.Package.Syntax)
				}
				continue
			} else if prev != nil && prev.Message == d.Message {
				continue
			}
			x := &Finding{Analyzer: act.Analyzer.Name, Package: act.Package.ID, Fset: fset, Diagnostic: d}
			seen[k], files[x] = x, len(act.Package.Syntax)
			findings = append(findings, x)
		}
	}
	Sort(findings)
	return findings, errs
}

// Sort sorts findings by file, line, column, analyzer and message.
func Sort(findings []*Finding) {
	slices.SortStableFunc(findings, func(a, b *Finding) int {
		pa, pb := a.Posn(), b.Posn()
		return cmp.Or(
			cmp.Compare(pa.Filename, pb.Filename),
			cmp.Compare(pa.Line, pb.Line),
			cmp.Compare(pa.Column, pb.Column),
			cmp.Compare(a.Analyzer, b.Analyzer),
			cmp.Compare(a.Message, b.Message))
	})
}

// Secrets are the source lines that hold credential text, by file name,
// and the files whose credentials are known: no output prints a line of
// any other file, or a line that holds credential text.
type Secrets struct {
	lines map[string]map[int]bool
	known map[string]bool
}

// NewSecrets returns an empty set that knows no file.
func NewSecrets() *Secrets {
	return &Secrets{lines: map[string]map[int]bool{}, known: map[string]bool{}}
}

// AddPackage records the credential lines the base analyzer found in one
// package (spans may lie in other packages' files: a constant declared
// elsewhere), and that the credentials of the package's files are known.
func (s *Secrets) AddPackage(fset *token.FileSet, files []string, spans []bearercheck.Span) {
	s.Add(NewSecretLines(fset, files, spans))
}

func init() { gob.Register(SecretLines{}) } // kept in the cache (driver.Config.Keep)

// SecretLines are one package's credential lines as plain values (they
// can be cached): the package's files, whose credentials are known, and
// the lines that hold credential text, by file.
type SecretLines struct {
	Files []string
	Lines map[string][]int
}

// NewSecretLines returns the credential lines of one package: see
// AddPackage.
func NewSecretLines(fset *token.FileSet, files []string, spans []bearercheck.Span) SecretLines {
	sl := SecretLines{Files: files, Lines: map[string][]int{}}
	for _, sp := range spans {
		from := fset.Position(sp.Pos)
		if !from.IsValid() {
			continue
		}
		to := from.Line
		if end := fset.Position(sp.End); end.IsValid() && end.Filename == from.Filename {
			to = max(to, end.Line)
		}
		for l := from.Line; l <= to; l++ {
			sl.Lines[from.Filename] = append(sl.Lines[from.Filename], l)
		}
	}
	return sl
}

// Add records one package's credential lines.
func (s *Secrets) Add(sl SecretLines) {
	for _, f := range sl.Files {
		s.known[f] = true
	}
	for f, lines := range sl.Lines {
		m := s.lines[f]
		if m == nil {
			m = map[int]bool{}
			s.lines[f] = m
		}
		for _, l := range lines {
			m[l] = true
		}
	}
}

// Printable reports whether line of file may be printed: the file's
// credentials are known and the line holds none.
func (s *Secrets) Printable(file string, line int) bool {
	return s != nil && s.known[file] && !s.lines[file][line]
}

// HasAny reports whether any line of file holds credential text.
func (s *Secrets) HasAny(file string) bool { return s != nil && len(s.lines[file]) > 0 }

// Known reports whether the credentials of file are known.
func (s *Secrets) Known(file string) bool { return s != nil && s.known[file] }

// FileNames returns the names of files as fset knows them.
func FileNames(fset *token.FileSet, files []*ast.File) []string {
	var names []string
	for _, f := range files {
		if tf := fset.File(f.FileStart); tf != nil {
			names = append(names, tf.Name())
		}
	}
	return names
}

// Redacted is what is printed instead of a line that holds credential text.
const Redacted = "[line redacted: hard-coded credential]"

// RelPath returns filename relative to dir when it is below dir, as go vet
// and staticcheck print positions; otherwise filename unchanged.
func RelPath(dir, filename string) string {
	if dir == "" || !filepath.IsAbs(filename) {
		return filename
	}
	rel, err := filepath.Rel(dir, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filename
	}
	return rel
}

// RelPosn is RelPath for a position written as text, "file:line:col" or
// "file:line" (the Pos of a packages.Error): the type errors of a package
// are printed with paths as its findings are.
func RelPosn(dir, posn string) string {
	file, rest := posn, ""
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 || i == len(file)-1 || strings.Trim(file[i+1:], "0123456789") != "" {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	return RelPath(dir, file) + rest
}
