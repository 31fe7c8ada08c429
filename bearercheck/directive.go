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
	// Covers are the kinds of findings on the lines the directive covers
	// (suppressed when it has a reason). Which analyzer reports the
	// problem is the output layer's choice, not the core's: see
	// bearerdetect.DirectiveKind and internal/output.
	Covers Finding
	used   bool
}

// Finding is a kind of finding, one per reporting analyzer; a set of
// kinds is their union.
type Finding uint8

const (
	FindingSite     Finding = 1 << iota // Result.Sites: bearerheader
	FindingHelper                       // Result.Helpers: bearerhelper
	FindingTaskCall                     // Result.TaskCalls: taskauth
)

// Ignored is a site that a directive suppresses.
type Ignored struct {
	*Site
	Reason string // the directive's reason
}

// directives returns the ignore directives of a file, in source order, by
// the line they cover: a directive after code on its line covers that line
// only; a directive on a line of its own covers the next line (as
// staticcheck's and golangci-lint's directives do). Lines are those of the
// file itself, not those that //line directives declare, so that a
// directive covers what it sits next to in the file.
func directives(fset *token.FileSet, file *ast.File) (map[int][]*Directive, []*Directive) {
	var all []*Directive
	for _, g := range file.Comments {
		for _, c := range g.List {
			rest, ok := strings.CutPrefix(c.Text, DirectivePrefix)
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			all = append(all, &Directive{Pos: c.Pos(), End: c.End(), Reason: strings.TrimSpace(rest)})
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	line := func(p token.Pos) int { return fset.PositionFor(p, false).Line }
	// The first code position on each line: a node begins or ends there.
	code := map[int]token.Pos{}
	mark := func(p token.Pos) {
		if !p.IsValid() {
			return
		}
		if l := line(p); !code[l].IsValid() || p < code[l] {
			code[l] = p
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if _, ok := n.(*ast.CommentGroup); ok || n == nil {
			return false
		}
		mark(n.Pos())
		mark(n.End())
		return true
	})
	byLine := map[int][]*Directive{}
	for _, d := range all {
		l := line(d.Pos)
		if first := code[l]; !first.IsValid() || first > d.Pos {
			l++ // on a line of its own: the next line
		}
		byLine[l] = append(byLine[l], d)
	}
	return byLine, all
}

// applyDirectives drops the findings that a directive covers and records
// the directives that are malformed or suppress nothing. As with
// staticcheck's //lint:ignore, a directive without a reason suppresses
// nothing: it is reported instead.
func (a *pkgAnalysis) applyDirectives(files []*ast.File, r *Result) {
	if a.allowed(nil) {
		return // exempt code: nothing to suppress, nothing to report
	}
	fset := a.pkg.Fset
	byFile := map[string]map[int][]*Directive{}
	var all []*Directive
	for _, f := range files {
		if byLine, ds := directives(fset, f); len(ds) > 0 {
			byFile[fileName(fset, f)] = byLine
			all = append(all, ds...)
		}
	}
	if len(all) == 0 {
		return
	}
	suppressor := func(kind Finding, positions ...token.Pos) *Directive {
		for _, pos := range positions {
			p := fset.PositionFor(pos, false)
			for _, d := range byFile[p.Filename][p.Line] {
				d.Covers |= kind
				if d.Reason != "" {
					d.used = true
					return d
				}
			}
		}
		return nil
	}
	suppressed := func(kind Finding, positions ...token.Pos) bool { return suppressor(kind, positions...) != nil }
	r.Sites = filter(r.Sites, func(s *Site) bool {
		d := suppressor(FindingSite, s.Value.Pos(), s.Node.Pos())
		if d != nil {
			r.Ignored = append(r.Ignored, &Ignored{Site: s, Reason: d.Reason})
		}
		return d != nil
	})
	r.Helpers = filter(r.Helpers, func(h *Helper) bool {
		return h.Summary.Root && suppressed(FindingHelper, h.Decl.Pos(), h.Decl.Name.Pos())
	})
	r.TaskCalls = filter(r.TaskCalls, func(c *TaskCall) bool { return suppressed(FindingTaskCall, c.Call.Pos()) })
	for _, d := range all {
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
