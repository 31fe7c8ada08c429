// Package inventory makes the report's inventory fragments from the
// analyzers' results: the driver calls it for each package right after the
// package is analysed (Keep), and package report joins and renders the
// fragments. The messages and fix texts are those the reporting analyzers
// reported for each finding (bearerdetect.Reported), taken by identity;
// report itself imports neither the driver, the engine nor the analyzers.
package inventory

import (
	"bytes"
	"cmp"
	"go/ast"
	gofmt "go/format"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/analyzers/bearerheader"
	"github.com/bearercheck/bearercheck/analyzers/bearerhelper"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/internal/driver"
	"github.com/bearercheck/bearercheck/report"
	"golang.org/x/tools/go/analysis"
)

// Keep sets cfg to make each root package's fragment as soon as the
// package is analysed (and to cache it with the package).
func Keep(cfg *driver.Config) {
	cfg.Keep = func(p *driver.Package, base *bearercheck.Result) any {
		reported := bearerdetect.Reported{}
		for _, r := range p.Results {
			if r, ok := r.(bearerdetect.Reported); ok {
				for k, v := range r {
					reported[k] = v
				}
			}
		}
		return NewFragment(p.PkgPath, p.Fset, base, reported)
	}
	cfg.KeepID = "report fragment"
}

// Fragments returns the fragments of a run's packages configured by Keep.
func Fragments(res *driver.Result) []*report.Fragment {
	var frags []*report.Fragment
	for _, p := range res.Packages {
		if fr, ok := p.Kept.(*report.Fragment); ok {
			frags = append(frags, fr)
		}
	}
	return frags
}

// FuncKey is the key of a function across packages: its full name,
// "pkg/path.F" or "(*pkg/path.T).M", for the generic origin.
func FuncKey(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	return fn.Origin().FullName()
}

// FuncName names a function for people: F, T.M or (*T).M.
func FuncName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	t, ptr := recv.Type(), false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	name := "?"
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		name = t.Obj().Name()
	case *types.Interface:
		name = "interface"
	}
	if ptr {
		return "(*" + name + ")." + fn.Name()
	}
	return name + "." + fn.Name()
}

// calleeName names a callee for people, qualified by its package name
// when it belongs to another package than pkg.
func calleeName(fn *types.Func, pkg string) string {
	name := FuncName(fn)
	if fn.Pkg() != nil && fn.Pkg().Path() != pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// NewFragment returns the fragment of one analysed package: res is the
// base analyzer's result, reported the diagnostics the reporting
// analyzers reported for its findings (their messages and fixes are the
// inventory's).
func NewFragment(pkgPath string, fset *token.FileSet, res *bearercheck.Result, reported bearerdetect.Reported) *report.Fragment {
	fr := &report.Fragment{Package: pkgPath, Funcs: map[string]report.FuncEndpoints{}}
	if res == nil {
		return fr
	}
	pos := func(p token.Pos) token.Position { return fset.Position(p) }
	files := map[string][]byte{}
	src := func(name string) []byte {
		if data, ok := files[name]; ok {
			return data
		}
		data, _ := os.ReadFile(name)
		files[name] = data
		return data
	}
	site := func(s *bearercheck.Site) report.FragmentSite {
		p := pos(s.Value.Pos())
		fs := report.FragmentSite{Func: FuncKey(s.FuncObj), Site: report.Site{
			Analyzer:  bearerheader.Name,
			Kind:      string(s.Kind),
			Package:   pkgPath,
			File:      p.Filename,
			Line:      p.Line,
			Column:    p.Column,
			Function:  FuncName(s.FuncObj),
			Value:     exprText(fset, s.Value),
			Generated: s.Generated,
		}}
		if s.Task != nil {
			fs.Task = s.Task.Expr
		}
		if text := s.CredentialText(); text != "" {
			fs.Credential = report.CredentialHash(pkgPath, text)
		}
		if d, ok := reported[s]; ok {
			fs.Analyzer = d.Analyzer
			fs.Message = d.Message
			fs.Fix = fixText(fset, d.Diagnostic, s.Value, src)
			fs.FixAction = fixAction(d.Diagnostic)
		}
		return fs
	}
	for _, s := range res.Sites {
		fs := site(s)
		if fs.Message == "" && s.Generated {
			fs.Message = "generated code sends a Bearer Authorization header; change the generator to use an AuthProvider"
		}
		fr.Sites = append(fr.Sites, fs)
	}
	for _, s := range res.Migrated {
		fs := site(s)
		fs.Kind = "migrated"
		fr.Migrated = append(fr.Migrated, fs)
	}
	for _, s := range res.Ignored {
		fs := site(s.Site)
		fs.Reason = s.Reason
		fs.Message = "suppressed by //bearercheck:ignore " + s.Reason
		fr.Ignored = append(fr.Ignored, fs)
	}
	for _, h := range res.Helpers {
		p := pos(h.Decl.Name.Pos())
		fh := report.FragmentHelper{Key: FuncKey(h.Obj), Helper: report.Helper{
			Package:  pkgPath,
			File:     p.Filename,
			Line:     p.Line,
			Column:   p.Column,
			Function: FuncName(h.Obj),
			Root:     h.Summary.Root,
			Token:    bearerhelper.TokenSource(h),
		}}
		if d, ok := reported[h]; ok {
			fh.Message = d.Message
			fh.FixAction = fixAction(d.Diagnostic)
		} else if !h.Summary.Root {
			fh.Message = bearerhelper.TransitiveMessage(FuncName(h.Obj), h)
		}
		fr.Helpers = append(fr.Helpers, fh)
	}
	for _, c := range res.Calls {
		p := pos(c.Call.Pos())
		fr.Calls = append(fr.Calls, report.FragmentCall{
			Caller: report.Caller{
				Package:  pkgPath,
				File:     p.Filename,
				Line:     p.Line,
				Column:   p.Column,
				Function: FuncName(c.FuncObj),
			},
			Callee:  FuncKey(c.Callee),
			From:    FuncKey(c.FuncObj),
			Paths:   c.Paths,
			Through: c.Through,
		})
	}
	for _, c := range res.TaskCalls {
		p := pos(c.Call.Pos())
		from := c.FuncObj
		ft := report.FragmentTask{CalleeKey: FuncKey(c.Callee), From: FuncKey(from), TaskCall: report.TaskCall{
			Package:  pkgPath,
			File:     p.Filename,
			Line:     p.Line,
			Column:   p.Column,
			Function: FuncName(from),
			Callee:   calleeName(c.Callee, pkgPath),
			Task:     c.Task.Expr,
		}}
		if d, ok := reported[c]; ok {
			ft.Message = d.Message
			ft.FixAction = fixAction(d.Diagnostic)
		}
		fr.TaskCalls = append(fr.TaskCalls, ft)
	}
	for _, w := range res.Wrappers {
		p := pos(w.Decl.Name.Pos())
		fr.Wrappers = append(fr.Wrappers, report.Wrapper{
			Package:  pkgPath,
			File:     p.Filename,
			Line:     p.Line,
			Column:   p.Column,
			Function: FuncName(w.Obj),
			Calls:    calleeName(w.Target, pkgPath),
		})
	}
	for fn, e := range res.Endpoints {
		fr.Funcs[FuncKey(fn)] = report.FuncEndpoints{Paths: e.Paths, Params: len(e.Params) > 0}
	}
	return fr
}

// fixAction returns what bearercheck -fix does for diagnostic d: the
// message of its first suggested fix (the one -fix applies), or "".
func fixAction(d analysis.Diagnostic) string {
	if len(d.SuggestedFixes) == 0 || len(d.SuggestedFixes[0].TextEdits) == 0 {
		return ""
	}
	return d.SuggestedFixes[0].Message
}

// fixText returns what the value expression becomes under the offered
// fix (the first): its source text with the fix's edits inside it
// applied, normalised. It reads the value's file; "" when there is no fix
// or the file cannot be read.
func fixText(fset *token.FileSet, d analysis.Diagnostic, value ast.Expr, src func(string) []byte) string {
	if len(d.SuggestedFixes) == 0 {
		return ""
	}
	tf := fset.File(value.Pos())
	if tf == nil {
		return ""
	}
	data := src(tf.Name())
	start, end := tf.Offset(value.Pos()), tf.Offset(value.End())
	if data == nil || end > len(data) {
		return ""
	}
	edits := slices.Clone(d.SuggestedFixes[0].TextEdits)
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return cmp.Compare(a.Pos, b.Pos) })
	var b strings.Builder
	at := start
	changed := false
	for _, e := range edits {
		if fset.File(e.Pos) != tf {
			continue
		}
		es, ee := tf.Offset(e.Pos), tf.Offset(max(e.End, e.Pos))
		if es < start || ee > end || es < at {
			continue // outside the value (an import, a guard)
		}
		b.Write(data[at:es])
		b.Write(e.NewText)
		at = ee
		changed = true
	}
	if !changed {
		return ""
	}
	b.Write(data[at:end])
	return report.Normalize(b.String())
}

// exprText returns the normalised text of e: gofmt-printed on one line,
// with every string literal that could hold a credential replaced by
// "[redacted]". Reformatting an expression (line breaks, spacing, a
// trailing comma) does not change its normalised text.
func exprText(fset *token.FileSet, e ast.Expr) string {
	var buf bytes.Buffer
	if err := gofmt.Node(&buf, fset, e); err != nil {
		return ""
	}
	return report.Normalize(buf.String())
}

// Rules describes the suite's reporting analyzers for the report.
func Rules(s *analyzers.Suite) report.Rules {
	rule := func(a *analysis.Analyzer) report.Rule { return report.Rule{Name: a.Name, Doc: a.Doc, URL: a.URL} }
	return report.Rules{Site: rule(s.BearerHeader), Helper: rule(s.BearerHelper), TaskCall: rule(s.TaskAuth)}
}
