package bearercheck

import (
	"go/ast"
	"go/token"
	"strings"
)

// DirectivePrefix starts a suppression comment: //bearercheck:ignore reason.
const DirectivePrefix = "//bearercheck:ignore"

// Directive is an ignore directive that is malformed or suppresses nothing.
type Directive struct {
	Pos    token.Pos
	End    token.Pos
	Reason string
	// Problem is "missing-reason" or "unused".
	Problem string
	used    bool
}

// directives returns the ignore directives of a file by line.
func directives(fset *token.FileSet, file *ast.File) map[int]*Directive {
	out := map[int]*Directive{}
	for _, g := range file.Comments {
		for _, c := range g.List {
			rest, ok := strings.CutPrefix(c.Text, DirectivePrefix)
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			out[fset.Position(c.Pos()).Line] = &Directive{Pos: c.Pos(), End: c.End(), Reason: strings.TrimSpace(rest)}
		}
	}
	return out
}

// applyDirectives drops the findings that a directive on their line, or on
// the line before, suppresses, and records the directives that are
// malformed or suppress nothing. As with staticcheck's //lint:ignore, a
// directive without a reason suppresses nothing: it is reported instead.
func (a *pkgAnalysis) applyDirectives(files []*ast.File, r *Result) {
	if a.allowed(nil) {
		return // exempt code: nothing to suppress, nothing to report
	}
	fset := a.pkg.Fset
	byFile := map[string]map[int]*Directive{}
	for _, f := range files {
		if ast.IsGenerated(f) {
			continue
		}
		if ds := directives(fset, f); len(ds) > 0 {
			byFile[fileName(fset, f)] = ds
		}
	}
	if len(byFile) == 0 {
		return
	}
	suppressed := func(positions ...token.Pos) bool {
		for _, pos := range positions {
			p := fset.Position(pos)
			ds := byFile[p.Filename]
			for _, line := range []int{p.Line, p.Line - 1} {
				if d := ds[line]; d != nil && d.Reason != "" {
					d.used = true
					return true
				}
			}
		}
		return false
	}
	r.Sites = filter(r.Sites, func(s *Site) bool { return !s.Generated && suppressed(s.Value.Pos(), s.Node.Pos()) })
	r.Helpers = filter(r.Helpers, func(h *Helper) bool { return h.Summary.Root && suppressed(h.Decl.Pos(), h.Decl.Name.Pos()) })
	r.TaskCalls = filter(r.TaskCalls, func(c *TaskCall) bool { return suppressed(c.Call.Pos()) })
	for _, f := range files {
		ds := byFile[fileName(fset, f)]
		for _, g := range f.Comments {
			for _, c := range g.List {
				d := ds[fset.Position(c.Pos()).Line]
				if d == nil || d.Pos != c.Pos() {
					continue
				}
				switch {
				case d.Reason == "":
					d.Problem = "missing-reason"
				case !d.used:
					d.Problem = "unused"
				default:
					continue
				}
				r.Directives = append(r.Directives, d)
			}
		}
	}
}

// filter removes the elements for which drop is true.
func filter[T any](xs []T, drop func(T) bool) []T {
	out := xs[:0]
	for _, x := range xs {
		if !drop(x) {
			out = append(out, x)
		}
	}
	return out
}

// fileName returns the name of a syntax file ("" if it has no position).
func fileName(fset *token.FileSet, f *ast.File) string {
	if tf := fset.File(f.FileStart); tf != nil {
		return tf.Name()
	}
	return ""
}
