package bearerheader

import (
	"bytes"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bearercheck/bearercheck/analyzers/internal/fixture"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/internal/typecheck"
	"golang.org/x/tools/go/analysis"
)

// FuzzReport runs detection, messages and fixes over arbitrary source,
// which need not type-check: nothing may panic. Where the source
// type-checks, the fixes are applied too: each alone and all together
// (identical edits once, as the drivers do), the result must parse and
// type-check, and a second run over the fixed source offers no fix (-fix
// again changes nothing). The fixtures of every analyzer are the seeds.
func FuzzReport(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixture.Root(), "src", "*", "*.go"))
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, diags := report(t, src)
		if p.File == nil || len(p.Errors) > 0 {
			return
		}
		var all []analysis.TextEdit
		for _, d := range diags {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			edits := offsets(t, p.Fset, d.SuggestedFixes[0].TextEdits)
			checkCompiles(t, src, edits, "the fix of "+p.Fset.Position(d.Pos).String())
			for _, e := range edits {
				if !slices.ContainsFunc(all, func(o analysis.TextEdit) bool {
					return o.Pos == e.Pos && o.End == e.End && bytes.Equal(o.NewText, e.NewText)
				}) {
					all = append(all, e)
				}
			}
		}
		if len(all) == 0 {
			return
		}
		fixed := checkCompiles(t, src, all, "all fixes")
		if fixed == "" {
			return
		}
		p2, diags := report(t, fixed)
		for _, d := range diags {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered again after fixing:\n%s", p2.Fset.Position(d.Pos), fixed)
			}
		}
	})
}

// report runs bearerheader over src as a one-file package.
func report(t *testing.T, src string) (*typecheck.Package, []analysis.Diagnostic) {
	p := typecheck.Check(src)
	if p.File == nil {
		return p, nil
	}
	res := bearercheck.Analyze(&bearercheck.Package{Fset: p.Fset, Files: []*ast.File{p.File}, Types: p.Types, Info: p.Info, Config: bearercheck.Defaults()})
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Fset: p.Fset, Files: []*ast.File{p.File}, Pkg: p.Types, TypesInfo: p.Info,
		ReadFile: func(string) ([]byte, error) { return []byte(src), nil },
		Report: func(d analysis.Diagnostic) {
			if d.Message == "" || !d.Pos.IsValid() {
				t.Errorf("bad diagnostic %+v", d)
			}
			diags = append(diags, d)
		},
	}
	run(pass, res, func(_ any, d analysis.Diagnostic) { pass.Report(d) })
	return p, diags
}

// offsets returns edits with positions turned into offsets into the file.
func offsets(t *testing.T, fset *token.FileSet, edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	for _, e := range edits {
		tf := fset.File(e.Pos)
		if tf == nil || !e.End.IsValid() || e.End < e.Pos || fset.File(e.End) != tf {
			t.Fatalf("bad edit %+v", e)
		}
		out = append(out, analysis.TextEdit{Pos: token.Pos(tf.Offset(e.Pos)), End: token.Pos(tf.Offset(e.End)), NewText: e.NewText})
	}
	return out
}

// checkCompiles applies edits (with offsets for positions) to src and
// checks that the result parses and type-checks. It returns the result,
// or "" when the edits overlap.
func checkCompiles(t *testing.T, src string, edits []analysis.TextEdit, what string) string {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		if int(e.Pos) < last {
			t.Errorf("%s: overlapping edits %+v", what, edits)
			return ""
		}
		b.WriteString(src[last:e.Pos])
		b.Write(e.NewText)
		last = int(e.End)
	}
	b.WriteString(src[last:])
	out := b.String()
	if errs := typecheck.Check(out).Errors; len(errs) > 0 {
		t.Errorf("%s: the fixed source does not compile: %v\n%s", what, errs, out)
		return ""
	}
	return out
}
