package report

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"go/ast"
	gofmt "go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/bearercheck/bearercheck/analyzers/bearerhelper"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/internal/driver"
	"golang.org/x/tools/go/analysis"
)

// A Fragment is what the inventory needs from one analysed package: plain
// values (no syntax trees, no type-checker objects), so that it can be
// computed right after a package is analysed, cached, and joined with the
// fragments of other packages by Build. File names are absolute.
type Fragment struct {
	Package   string           `json:"package"` // import path
	Sites     []FragmentSite   `json:"sites,omitempty"`
	Migrated  []FragmentSite   `json:"migrated,omitempty"`
	Ignored   []FragmentSite   `json:"ignored,omitempty"`
	Helpers   []FragmentHelper `json:"helpers,omitempty"`
	Calls     []FragmentCall   `json:"calls,omitempty"`
	TaskCalls []FragmentTask   `json:"taskCalls,omitempty"`
	Wrappers  []Wrapper        `json:"wrappers,omitempty"`
	// Funcs are the request endpoints of the package's functions that
	// build or send requests, by function key.
	Funcs map[string]FuncEndpoints `json:"funcs,omitempty"`
}

func init() { gob.Register(&Fragment{}) } // kept in the cache (driver.Config.Keep)

// Keep sets cfg to make each root package's fragment as soon as the
// package is analysed (and to cache it with the package).
func Keep(cfg *driver.Config) {
	cfg.Keep = func(p *driver.Package, base *bearercheck.Result) any {
		return NewFragment(p.PkgPath, p.Fset, base, p.Diagnostics)
	}
	cfg.KeepID = "report fragment"
}

// Fragments returns the fragments of a run's packages configured by Keep.
func Fragments(res *driver.Result) []*Fragment {
	var frags []*Fragment
	for _, p := range res.Packages {
		if fr, ok := p.Kept.(*Fragment); ok {
			frags = append(frags, fr)
		}
	}
	return frags
}

// FuncEndpoints are the endpoints of one function.
type FuncEndpoints struct {
	Paths []string `json:"paths,omitempty"` // the paths it requests itself
	// Params is set when it also builds request URLs from its
	// parameters: its callers' arguments are the paths.
	Params bool `json:"params,omitempty"`
}

// FragmentSite is a site with the key of its enclosing function.
type FragmentSite struct {
	Site
	Func string `json:"func"` // function key ("" at package level)
}

// FragmentHelper is a helper declaration with its key.
type FragmentHelper struct {
	Helper
	Key string `json:"key"`
}

// FragmentCall is a call to a helper or to a function that builds a
// request URL from a parameter.
type FragmentCall struct {
	Caller
	Callee string `json:"callee"` // function key
	From   string `json:"from"`   // the calling function's key
	// Paths are the paths the call passes to the callee's path
	// parameters; Through is set when it passes one of the caller's own.
	Paths   []string `json:"paths,omitempty"`
	Through bool     `json:"through,omitempty"`
}

// FragmentTask is a task call with the keys needed to find its endpoints.
type FragmentTask struct {
	TaskCall
	CalleeKey string `json:"calleeKey"`
	From      string `json:"from"`
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
// base analyzer's result, diags the diagnostics of the reporting
// analyzers by analyzer name (their messages and fixes are the
// inventory's).
func NewFragment(pkgPath string, fset *token.FileSet, res *bearercheck.Result, diags map[string][]analysis.Diagnostic) *Fragment {
	fr := &Fragment{Package: pkgPath, Funcs: map[string]FuncEndpoints{}}
	if res == nil {
		return fr
	}
	type diagKey struct {
		pos token.Pos
		cat string
	}
	byPos := map[string]map[diagKey]analysis.Diagnostic{}
	for name, ds := range diags {
		m := map[diagKey]analysis.Diagnostic{}
		for _, d := range ds {
			m[diagKey{d.Pos, d.Category}] = d
		}
		byPos[name] = m
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
	site := func(s *bearercheck.Site) FragmentSite {
		p := pos(s.Value.Pos())
		fs := FragmentSite{Func: FuncKey(s.FuncObj), Site: Site{
			Analyzer:  "bearerheader",
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
		if d, ok := byPos["bearerheader"][diagKey{s.Value.Pos(), string(s.Kind)}]; ok {
			fs.Message = d.Message
			fs.Fix = fixText(fset, d, s.Value, src)
			fs.FixAction = fixAction(d)
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
		fh := FragmentHelper{Key: FuncKey(h.Obj), Helper: Helper{
			Package:  pkgPath,
			File:     p.Filename,
			Line:     p.Line,
			Column:   p.Column,
			Function: FuncName(h.Obj),
			Root:     h.Summary.Root,
			Token:    bearerhelper.TokenSource(h),
		}}
		if d, ok := byPos["bearerhelper"][diagKey{h.Decl.Name.Pos(), "root-helper"}]; ok {
			fh.Message = d.Message
			fh.FixAction = fixAction(d)
		} else if !h.Summary.Root {
			fh.Message = FuncName(h.Obj) + " is bearer-only through another helper: it passes " + fh.Token + " on as a Bearer token"
		}
		fr.Helpers = append(fr.Helpers, fh)
	}
	for _, c := range res.Calls {
		p := pos(c.Call.Pos())
		fr.Calls = append(fr.Calls, FragmentCall{
			Caller: Caller{
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
		ft := FragmentTask{CalleeKey: FuncKey(c.Callee), From: FuncKey(from), TaskCall: TaskCall{
			Package:  pkgPath,
			File:     p.Filename,
			Line:     p.Line,
			Column:   p.Column,
			Function: FuncName(from),
			Callee:   calleeName(c.Callee, pkgPath),
			Task:     c.Task.Expr,
		}}
		if d, ok := byPos["taskauth"][diagKey{c.Call.Pos(), "ignored-task"}]; ok {
			ft.Message = d.Message
			ft.FixAction = fixAction(d)
		}
		fr.TaskCalls = append(fr.TaskCalls, ft)
	}
	for _, w := range res.Wrappers {
		p := pos(w.Decl.Name.Pos())
		fr.Wrappers = append(fr.Wrappers, Wrapper{
			Package:  pkgPath,
			File:     p.Filename,
			Line:     p.Line,
			Column:   p.Column,
			Function: FuncName(w.Obj),
			Calls:    calleeName(w.Target, pkgPath),
		})
	}
	for fn, e := range res.Endpoints {
		fr.Funcs[FuncKey(fn)] = FuncEndpoints{Paths: e.Paths, Params: len(e.Params) > 0}
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
	return Normalize(b.String())
}

// Redacted replaces credential text in inventory values.
const Redacted = "[redacted]"

// exprText returns the normalised text of e: gofmt-printed on one line,
// with every string literal that could hold a credential replaced by
// "[redacted]". Reformatting an expression (line breaks, spacing, a
// trailing comma) does not change its normalised text.
func exprText(fset *token.FileSet, e ast.Expr) string {
	var buf bytes.Buffer
	if err := gofmt.Node(&buf, fset, e); err != nil {
		return ""
	}
	return Normalize(buf.String())
}

// Normalize rewrites the text of a Go expression on one line, in gofmt's
// spacing, with credential literals redacted.
func Normalize(src string) string {
	file := token.NewFileSet().AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	type tok struct {
		tok token.Token
		lit string
	}
	var toks []tok
	for {
		_, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		switch {
		case t == token.SEMICOLON && lit == "\n":
			continue
		case t == token.STRING || t == token.CHAR:
			lit = redactLiteral(lit)
		case lit == "":
			lit = t.String()
		}
		toks = append(toks, tok{t, lit})
	}
	var b strings.Builder
	for i, t := range toks {
		if t.tok == token.COMMA && i+1 < len(toks) && (toks[i+1].tok == token.RPAREN || toks[i+1].tok == token.RBRACE || toks[i+1].tok == token.RBRACK) {
			continue // a trailing comma of a multi-line list
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lit)
	}
	line := b.String()
	// Reprint in gofmt's spacing: positions now say "one line".
	fset := token.NewFileSet()
	e, err := parser.ParseExprFrom(fset, "", line, 0)
	if err != nil {
		return line
	}
	var out bytes.Buffer
	if err := gofmt.Node(&out, fset, e); err != nil {
		return line
	}
	return out.String()
}

// redactLiteral returns a string literal unchanged when it cannot hold a
// credential — nothing but an authorization scheme, format verbs,
// punctuation and white space — and a redacted literal otherwise (the
// scheme kept).
func redactLiteral(lit string) string {
	s, err := strconv.Unquote(lit)
	if err != nil {
		return strconv.Quote(Redacted)
	}
	rest := s
	scheme := ""
	for _, sch := range []string{"bearer", "basic", "agentassertion", "authorization", "token"} {
		if len(rest) >= len(sch) && strings.EqualFold(rest[:len(sch)], sch) {
			scheme, rest = rest[:len(sch)], rest[len(sch):]
			break
		}
	}
	rest = strings.ReplaceAll(rest, "%s", "")
	rest = strings.ReplaceAll(rest, "%v", "")
	if strings.TrimFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '_' && r != '-' }) == "" {
		return lit
	}
	if scheme != "" {
		return strconv.Quote(scheme + " " + Redacted)
	}
	return strconv.Quote(Redacted)
}
