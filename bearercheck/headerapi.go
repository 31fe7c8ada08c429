package bearercheck

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"unicode"
)

// Header APIs of any name (SPEC §1, sink 5): SDKs write headers through
// their own types and interfaces — req.SetHeaderParam(k, v) on a request
// interface, request.Headers.Add(k, v) on an SDK's header collection,
// option.WithHeader(k, v). A call is such a sink by its shape: it passes the
// Authorization key in a string parameter and the value in the next string,
// []string or ...string parameter. Calls that read, compare, match or log
// a key and value have the same shape; writesHeader tells them apart.

// shapeSinks returns the (key, value) pairs a call to fn passes in adjacent
// parameters. Only pairs whose key may be the Authorization key are kept:
// a constant key of any other value is skipped here, the rest is decided by
// the caller once the key is evaluated.
func (a *pkgAnalysis) shapeSinks(call *ast.CallExpr, fn *types.Func, args []ast.Expr) []sink {
	params := fn.Signature().Params()
	if params.Len() < 2 || len(args) < params.Len()-1 || !a.writesHeader(fn) {
		return nil
	}
	variadic := fn.Signature().Variadic()
	var out []sink
	for i := 0; i+1 < params.Len() && i < len(args); i++ {
		if !isString(params.At(i).Type()) || !a.mayBeAuthorizationKey(args[i]) {
			continue
		}
		next := params.At(i + 1).Type()
		var values []ast.Expr
		switch {
		case variadic && i+1 == params.Len()-1:
			if !isStringSlice(next) {
				continue
			}
			if call.Ellipsis.IsValid() {
				if i+1 < len(args) {
					values = a.headerValues(args[i+1])
				}
			} else {
				values = args[i+1:]
			}
		case i+1 >= len(args):
			continue
		case isString(next):
			values = args[i+1 : i+2]
		case isStringSlice(next):
			values = a.headerValues(args[i+1])
		}
		if len(values) > 0 {
			out = append(out, sink{node: call, key: args[i], values: values})
		}
	}
	return out
}

// mayBeAuthorizationKey reports whether e may evaluate to the Authorization
// key: a constant must be it; anything else is decided by evaluation.
func (a *pkgAnalysis) mayBeAuthorizationKey(e ast.Expr) bool {
	tv, ok := a.pkg.Info.Types[e]
	if !ok || tv.Value == nil {
		return true
	}
	return tv.Value.Kind() == constant.String && isAuthorizationKey(exact(constant.StringVal(tv.Value)))
}

// writesHeader reports whether a call to fn with a (key, value) shape may
// write a header, rather than read, compare, match or log one:
//   - a predicate or a measure (a lone bool or numeric result) is not a write;
//   - a testing helper (a parameter from package testing, or a TestingT) is not;
//   - nor is a logging or telemetry API: a package named like one (log, slog,
//     zap, logrus, zerolog, klog, hclog, logr, attribute, trace, sentry…),
//     a method of a Logger or Span type, or a function named after a log level
//     (Info, Debugf, Warnw, Errorf, Printf, Log…);
//   - nor a function whose name begins with a reading or comparing verb (Get,
//     Has, Is, Lookup, Match, Contains, Equal, Compare, Del, Remove, Expect,
//     Assert, Check, Verify, Validate, Parse, Trim…), nor one that names a
//     query, form, cookie or environment value rather than a header.
func (a *pkgAnalysis) writesHeader(fn *types.Func) bool {
	sig := fn.Signature()
	if res := sig.Results(); res.Len() == 1 {
		if b, ok := res.At(0).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString == 0 {
			return false
		}
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isTestingType(sig.Params().At(i).Type()) {
			return false
		}
	}
	if fn.Pkg() != nil && isLoggingPath(fn.Pkg().Path()) {
		return false
	}
	if recv := sig.Recv(); recv != nil {
		if n := namedOf(recv.Type()); n != nil {
			for _, w := range camelWords(n.Obj().Name()) {
				switch strings.ToLower(w) {
				case "logger", "log", "span", "tracer":
					return false
				}
			}
		}
	}
	words := camelWords(fn.Name())
	if len(words) == 0 {
		return false
	}
	if first := strings.ToLower(words[0]); notWriteVerbs[first] || isLogLevel(first) {
		return false
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "query", "form", "cookie", "env", "environ":
			return false
		}
	}
	return true
}

// notWriteVerbs are the leading words of functions that read, compare,
// match or remove a header rather than write one.
var notWriteVerbs = map[string]bool{
	"get": true, "has": true, "is": true, "lookup": true, "find": true, "match": true,
	"matches": true, "contains": true, "equal": true, "equals": true, "compare": true,
	"del": true, "delete": true, "remove": true, "unset": true, "expect": true,
	"assert": true, "require": true, "check": true, "verify": true, "validate": true,
	"should": true, "want": true, "parse": true, "split": true, "trim": true, "strip": true,
	"redact": true, "mask": true, "sanitize": true, "scrub": true,
}

// isLogLevel reports whether a function's leading word is a logging verb:
// info, infof, infow, debugln, printf, log, logf, warnf, errorf….
func isLogLevel(w string) bool {
	for _, stem := range []string{"print", "log", "trace", "debug", "info", "notice", "warn", "warning", "error", "fatal", "panic", "critical"} {
		if rest, ok := strings.CutPrefix(w, stem); ok {
			switch rest {
			case "", "f", "ln", "w", "s", "ctx", "context":
				return true
			}
		}
	}
	return false
}

// isLoggingPath reports whether a package path names a logging or
// telemetry package: an element (go- and -go stripped) such as log,
// slog, zap, logrus, zerolog, klog, hclog, logr, attribute, trace, sentry.
func isLoggingPath(path string) bool {
	for _, el := range strings.Split(path, "/") {
		el = strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(el), "go-"), "-go")
		switch el {
		case "log", "logs", "logger", "logging", "slog", "zap", "zapcore", "logrus", "zerolog",
			"klog", "glog", "hclog", "logr", "attribute", "trace", "tracing", "sentry", "metric", "metrics", "telemetry":
			return true
		}
	}
	return false
}

// isTestingType reports whether t is a type of package testing (*testing.T,
// testing.TB) or an interface named like testify's TestingT.
func isTestingType(t types.Type) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path() == "testing" || n.Obj().Name() == "TestingT"
}

// camelWords splits a Go identifier into its words: SetHeaderParam →
// Set Header Param; HTTPHeader → HTTP Header; get_header → get header.
func camelWords(name string) []string {
	var words []string
	rs := []rune(name)
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i < len(rs) && rs[i] != '_' {
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			upper := unicode.IsUpper(rs[i])
			// A new word: aB, or the last capital of an acronym followed by a lower: HTTPHeader.
			acronymEnd := upper && unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if !(upper && prevLower) && !acronymEnd {
				continue
			}
		}
		if w := strings.Trim(string(rs[start:i]), "_"); w != "" {
			words = append(words, w)
		}
		start = i
	}
	return words
}

// stdlibRoots are the first path elements of the standard library's packages.
var stdlibRoots = map[string]bool{
	"archive": true, "bufio": true, "bytes": true, "cmp": true, "compress": true, "container": true,
	"context": true, "crypto": true, "database": true, "debug": true, "embed": true, "encoding": true,
	"errors": true, "expvar": true, "flag": true, "fmt": true, "go": true, "hash": true, "html": true,
	"image": true, "index": true, "io": true, "iter": true, "log": true, "maps": true, "math": true,
	"mime": true, "net": true, "os": true, "path": true, "plugin": true, "reflect": true, "regexp": true,
	"runtime": true, "slices": true, "sort": true, "strconv": true, "strings": true, "structs": true,
	"sync": true, "syscall": true, "testing": true, "text": true, "time": true, "unicode": true,
	"unique": true, "unsafe": true, "weak": true,
}

// isStdlib reports whether pkg belongs to the standard library.
func isStdlib(pkg *types.Package) bool {
	if pkg == nil {
		return true // the universe: error.Error
	}
	root, _, _ := strings.Cut(pkg.Path(), "/")
	return stdlibRoots[root] && !strings.Contains(root, ".")
}

// callee returns the function a call calls, with the arguments bound to
// its parameters: a method expression (http.Header).Set(h, k, v) passes its
// receiver first; a local variable bound to a method value or a function
// (set := req.Header.Set; set(k, v)) calls that function. static is the
// callee as typeutil.Callee gives it, if a function.
func (a *pkgAnalysis) callee(call *ast.CallExpr, static *types.Func) (*types.Func, []ast.Expr) {
	if static != nil && static.Signature().Recv() == nil {
		return static, call.Args // a function, not a method expression
	}
	info := a.pkg.Info
	fun := ast.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			return methodExprArgs(s.Obj(), call.Args)
		}
	}
	if static != nil {
		return static, call.Args
	}
	id, ok := fun.(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.IsField() {
		return nil, nil
	}
	var fn *types.Func
	expr := false
	for _, as := range a.assigns[v] {
		if as.opaque || as.index >= 0 || as.rhs == nil {
			return nil, nil
		}
		f, isExpr := a.funcValue(as.rhs)
		if f == nil || fn != nil && (f != fn || isExpr != expr) {
			return nil, nil
		}
		fn, expr = f, isExpr
	}
	if fn == nil {
		return nil, nil
	}
	if expr {
		return methodExprArgs(fn, call.Args)
	}
	return fn, call.Args
}

// funcValue returns the function a function-valued expression denotes: a
// method value (req.Header.Set), a method expression ((http.Header).Set,
// isExpr set) or a function name.
func (a *pkgAnalysis) funcValue(e ast.Expr) (fn *types.Func, isExpr bool) {
	info := a.pkg.Info
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if s, ok := info.Selections[e]; ok {
			fn, _ = s.Obj().(*types.Func)
			return fn, s.Kind() == types.MethodExpr
		}
		fn, _ = info.Uses[e.Sel].(*types.Func)
	case *ast.Ident:
		fn, _ = info.Uses[e].(*types.Func)
	}
	return fn, false
}

func methodExprArgs(obj types.Object, args []ast.Expr) (*types.Func, []ast.Expr) {
	fn, _ := obj.(*types.Func)
	if fn == nil || len(args) == 0 {
		return nil, nil
	}
	return fn, args[1:]
}

// schemeOnly reports whether e is the constant Bearer scheme and nothing
// else ("Bearer "): in a struct, a prefix to match or strip
// ({Header: "Authorization", ValuePrefix: "Bearer "}), not a header value.
func (a *pkgAnalysis) schemeOnly(e ast.Expr) bool {
	tv, ok := a.pkg.Info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	s := constant.StringVal(tv.Value)
	return isBearerText(s) && strings.TrimSpace(s[len("bearer"):]) == ""
}

// pairSinks returns the header pairs a struct literal carries: a string
// field holding the key and the next string or []string field holding the
// value (&HeaderParam{Key: AuthKey, Value: "Bearer " + tok}, keyed or
// positional). The pair becomes a header where it is applied, maybe in
// another function or package; the site is where the bearer value is put
// into it. Structs of the standard library and of logging and telemetry
// packages are not header pairs.
func (a *pkgAnalysis) pairSinks(lit *ast.CompositeLit) []sink {
	t := a.pkg.Info.TypeOf(lit)
	if t == nil {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || st.NumFields() < 2 {
		return nil
	}
	if n := namedOf(t); n != nil && (isStdlib(n.Obj().Pkg()) || isLoggingPath(n.Obj().Pkg().Path())) {
		return nil
	}
	vals := make([]ast.Expr, st.NumFields())
	for i, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			if i < len(vals) {
				vals[i] = el
			}
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		for j := 0; j < st.NumFields(); j++ {
			if st.Field(j).Name() == id.Name {
				vals[j] = kv.Value
			}
		}
	}
	var out []sink
	for i := 0; i < st.NumFields(); i++ {
		if vals[i] == nil || !isString(st.Field(i).Type()) || !a.mayBeAuthorizationKey(vals[i]) {
			continue
		}
		for j := i + 1; j < st.NumFields(); j++ {
			ft := st.Field(j).Type()
			if !isString(ft) && !isStringSlice(ft) {
				continue
			}
			if vals[j] != nil && !a.schemeOnly(vals[j]) {
				if values := a.headerValues(vals[j]); len(values) > 0 {
					out = append(out, sink{node: lit, key: vals[i], values: values})
				}
			}
			break
		}
	}
	return out
}
