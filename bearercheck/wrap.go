package bearercheck

import (
	"go/ast"
	"go/constant"
	"go/types"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// Wrappers keep a value, or change it in a way known on its known prefix:
// strings.TrimSpace("Bearer "+tok) is still a bearer value, and
// http.CanonicalHeaderKey("authorization") is still the Authorization key.

// wrapper describes a standard function of one string operand (the first
// argument) and constant further arguments.
type wrapper struct {
	pkg, name string
	nargs     int
	// apply computes the function on a fully known operand.
	apply func(s string, args []string) string
	// prefix computes, from the known prefix of an operand that is not
	// fully known, the known prefix of the result (ok false: nothing known).
	prefix func(p string, args []string) (string, bool)
}

func same(p string, _ []string) (string, bool) { return p, true }

var wrappers = []wrapper{
	{"net/http", "CanonicalHeaderKey", 1, func(s string, _ []string) string { return http.CanonicalHeaderKey(s) }, caseMapped(http.CanonicalHeaderKey)},
	{"net/textproto", "CanonicalMIMEHeaderKey", 1, func(s string, _ []string) string { return textproto.CanonicalMIMEHeaderKey(s) }, caseMapped(textproto.CanonicalMIMEHeaderKey)},
	{"strings", "ToLower", 1, func(s string, _ []string) string { return strings.ToLower(s) }, caseMapped(strings.ToLower)},
	{"strings", "ToUpper", 1, func(s string, _ []string) string { return strings.ToUpper(s) }, caseMapped(strings.ToUpper)},
	{"strings", "Clone", 1, func(s string, _ []string) string { return s }, same},
	{"strings", "TrimSpace", 1, func(s string, _ []string) string { return strings.TrimSpace(s) }, trimmedLeft(func(p string, _ []string) string { return strings.TrimLeftFunc(p, isSpace) })},
	{"strings", "TrimRight", 2, func(s string, a []string) string { return strings.TrimRight(s, a[0]) }, same},
	{"strings", "TrimSuffix", 2, func(s string, a []string) string { return strings.TrimSuffix(s, a[0]) }, same},
	{"strings", "TrimLeft", 2, func(s string, a []string) string { return strings.TrimLeft(s, a[0]) }, trimmedLeft(func(p string, a []string) string { return strings.TrimLeft(p, a[0]) })},
	{"strings", "Trim", 2, func(s string, a []string) string { return strings.Trim(s, a[0]) }, trimmedLeft(func(p string, a []string) string { return strings.TrimLeft(p, a[0]) })},
	{"strings", "TrimPrefix", 2, func(s string, a []string) string { return strings.TrimPrefix(s, a[0]) }, func(p string, a []string) (string, bool) {
		if rest, ok := strings.CutPrefix(p, a[0]); ok {
			return rest, true
		}
		return p, len(p) >= len(a[0]) // a prefix that does not begin with it is kept
	}},
	{"strings", "ReplaceAll", 3, func(s string, a []string) string { return strings.ReplaceAll(s, a[0], a[1]) }, replacedPrefix},
	{"strings", "Replace", 4, func(s string, a []string) string {
		n, _ := strconv.Atoi(a[2])
		return strings.Replace(s, a[0], a[1], n)
	}, replacedPrefix},
}

// caseMapped maps the case of a prefix.
func caseMapped(f func(string) string) func(string, []string) (string, bool) {
	return func(p string, _ []string) (string, bool) { return f(p), true }
}

// trimmedLeft trims a prefix on the left; a prefix trimmed away entirely
// tells nothing, as what follows may be trimmed too.
func trimmedLeft(f func(string, []string) string) func(string, []string) (string, bool) {
	return func(p string, a []string) (string, bool) {
		r := f(p, a)
		return r, r != ""
	}
}

// replacedPrefix replaces old by new in a prefix, up to where a match
// could straddle the end of the known text.
func replacedPrefix(p string, a []string) (string, bool) {
	old, repl := a[0], a[1]
	if old == "" {
		return "", false
	}
	safe := len(p)
	for i := max(0, len(p)-len(old)+1); i < len(p); i++ {
		if strings.HasPrefix(old, p[i:]) {
			safe = i
			break
		}
	}
	n := -1
	if len(a) > 2 {
		n, _ = strconv.Atoi(a[2])
	}
	return strings.Replace(p[:safe], old, repl, n), true
}

// evalWrapper evaluates a call to a wrapper; ok is false for any other call.
func (a *pkgAnalysis) evalWrapper(fn *types.Func, call *ast.CallExpr, ctx *fnCtx) (Value, bool) {
	var w *wrapper
	for i := range wrappers {
		if isPkgFunc(fn, wrappers[i].pkg, wrappers[i].name) {
			w = &wrappers[i]
			break
		}
	}
	if w == nil {
		return unknown, false
	}
	if len(call.Args) != w.nargs || call.Ellipsis.IsValid() {
		return unknown, true
	}
	if v, ok := a.evalTemplate(fn, call, ctx); ok {
		return v, true
	}
	var consts []string
	for _, arg := range call.Args[1:] {
		if !isString(a.pkg.Info.TypeOf(arg)) {
			// Replace's count: a constant, carried as text.
			tv := a.pkg.Info.Types[arg]
			if tv.Value == nil || tv.Value.Kind() != constant.Int {
				return unknown, true
			}
			consts = append(consts, tv.Value.ExactString())
			continue
		}
		c := a.eval(arg, ctx)
		if !c.IsConstant() {
			return unknown, true
		}
		consts = append(consts, c.Prefix)
	}
	v := a.eval(call.Args[0], ctx)
	if v.BeginsWithParam() || opaque(v) {
		return unknown, true
	}
	if v.Exact {
		r := exact(w.apply(v.Prefix, consts))
		if isBearerText(r.Prefix) {
			r.Kind, r.Origin = v.Kind, v.Origin
			if r.Kind == KindNone {
				r.Kind, r.Origin = KindLiteral, call
			}
		}
		r.Helper = v.Helper
		return r, true
	}
	p, ok := w.prefix(v.Prefix, consts)
	if !ok {
		return unknown, true
	}
	v.Prefix, v.Token, v.Provider = p, nil, false
	if !v.IsBearer() {
		v.Kind, v.Origin, v.Helper = KindNone, nil, nil
	}
	return v, true
}

// evalTemplate evaluates strings.Replace(All) of a placeholder in a known
// template by an unknown value: Replace("Bearer TOKEN", "TOKEN", tok, 1) is
// "Bearer " followed by tok.
func (a *pkgAnalysis) evalTemplate(fn *types.Func, call *ast.CallExpr, ctx *fnCtx) (Value, bool) {
	if fn.Name() != "Replace" && fn.Name() != "ReplaceAll" {
		return unknown, false
	}
	tmpl, old := a.eval(call.Args[0], ctx), a.eval(call.Args[1], ctx)
	repl := call.Args[2]
	if !tmpl.IsConstant() || !old.IsConstant() || old.Prefix == "" {
		return unknown, false
	}
	if rv := a.eval(repl, ctx); rv.IsConstant() {
		return unknown, false // all constant: evaluated as a wrapper
	}
	before, after, found := strings.Cut(tmpl.Prefix, old.Prefix)
	if !found {
		return tmpl, true
	}
	v := a.origin(concat(exact(before), a.eval(repl, ctx), repl), call, KindLiteral)
	if after != "" {
		v = notExact(v)
	}
	return v, true
}
