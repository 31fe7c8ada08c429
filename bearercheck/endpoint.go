package bearercheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Endpoints are the URL paths of the requests a function builds or sends:
// the URL given to http.NewRequest[WithContext], http.Get and friends,
// websocket dials and request builders (resty's R().Get(url)), or passed
// to a function whose request URL comes from a parameter.
type Endpoints struct {
	// Paths are the known paths: constant parts kept, variable parts
	// written {}, scheme, host and base URL dropped ("/wham/tasks/{}").
	Paths []string
	// Params are the paths that come from the function's parameters:
	// its callers' arguments decide them.
	Params []PathParam
}

// PathParam says that a request URL is built from a parameter.
type PathParam struct {
	Param int // the parameter index
	// Template is the URL around the parameter: ParamMark stands for the
	// argument, {} for unknown parts ("{}{*}" for c.baseURL+path).
	Template string
}

// ParamMark stands for the parameter in a PathParam's template.
const ParamMark = "{*}"

// Unknown stands for a variable part of a path.
const Unknown = "{}"

// Resolve returns the URL a caller builds by passing arg (a template) for
// the parameter.
func (p PathParam) Resolve(arg string) string {
	return strings.Replace(p.Template, ParamMark, arg, 1)
}

func (e *Endpoints) empty() bool { return e == nil || len(e.Paths) == 0 && len(e.Params) == 0 }

// add records the URL template t: a path, or a parameter's template.
func (e *Endpoints) add(t urlTmpl) {
	if p, param := t.path(); param {
		pp := PathParam{Param: t.param, Template: t.text}
		if !slices.Contains(e.Params, pp) {
			e.Params = append(e.Params, pp)
		}
	} else if p != "" && !slices.Contains(e.Paths, p) {
		e.Paths = append(e.Paths, p)
	}
}

// path returns the path of a URL template, or reports that the path
// comes from the parameter. A parameter followed by a path
// (baseURL+"/v1/responses") is only the base: the path is known.
func (t urlTmpl) path() (path string, param bool) {
	p := NormalizePath(strings.Replace(t.text, ParamMark, Unknown, 1))
	return p, p == "" && t.param >= 0
}

// NormalizePath turns a URL template (variable parts {}) into the path
// an inventory lists: query and fragment dropped, scheme and host or a
// leading base URL dropped, repeated {} and slashes collapsed. It returns
// "" when no path is known.
func NormalizePath(t string) string {
	if i := strings.IndexAny(t, "?#"); i >= 0 {
		t = t[:i]
	}
	if _, rest, ok := strings.Cut(t, "://"); ok {
		t = rest
	}
	i := strings.IndexByte(t, '/')
	if i < 0 {
		return ""
	}
	t = t[i:]
	for _, r := range [][2]string{{Unknown + Unknown, Unknown}, {"//", "/"}} {
		for strings.Contains(t, r[0]) {
			t = strings.ReplaceAll(t, r[0], r[1])
		}
	}
	segs := strings.Split(t, "/")
	for i, seg := range segs {
		if secretLike(seg) {
			segs[i] = Unknown // a key or token in a path is never printed
		}
	}
	t = strings.Join(segs, "/")
	if strings.Trim(t, "/{}") == "" {
		return "" // nothing but variable parts
	}
	return t
}

// secretLike reports whether a constant path segment could be a key or a
// token: long, with letters and digits mixed.
func secretLike(seg string) bool {
	if len(seg) < 16 || strings.Contains(seg, Unknown) {
		return false
	}
	letters, digits := false, false
	for _, r := range seg {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters = true
		}
	}
	return letters && digits
}

// urlTmpl is what is known about a URL: text with {} for unknown parts
// and, when param >= 0, ParamMark where that parameter goes.
type urlTmpl struct {
	text  string
	param int
}

var unknownURL = urlTmpl{text: Unknown, param: -1}

func (t urlTmpl) plus(u urlTmpl) urlTmpl {
	r := urlTmpl{text: t.text, param: t.param}
	switch {
	case u.param < 0:
		r.text += u.text
	case t.param < 0:
		r.text += u.text
		r.param = u.param
	default: // two parameters: the second is just unknown
		r.text += strings.ReplaceAll(u.text, ParamMark, Unknown)
	}
	return r
}

// endpoints computes, to a fixed point, the parameters each function of
// the package builds request URLs from (recorded in its summary), then
// records the endpoints of each function and the calls to helpers and to
// such functions in r.
func (a *pkgAnalysis) endpoints(r *Result) {
	// Only functions that call a function of this package (whose path
	// parameters may change), a request builder, a helper or a function
	// with path parameters (urlCalls) are visited again.
	for round := 0; round < 10; round++ {
		changed := false
		for _, f := range a.funcs {
			if round > 0 && !f.urlCalls {
				continue
			}
			e, rel := a.funcEndpoints(f)
			f.ends, f.urlCalls = e, rel
			var params, old []PathParam
			if e != nil {
				params = e.Params
			}
			s := a.local[f.obj]
			if s != nil {
				old = s.PathParams
			}
			if slices.Equal(old, params) {
				continue
			}
			changed = true
			if s == nil {
				s = &FuncSummary{}
				a.local[f.obj] = s
			}
			s.PathParams = params
			if s.empty() {
				delete(a.local, f.obj)
			}
		}
		if !changed {
			break
		}
	}
	r.Endpoints = map[*types.Func]*Endpoints{}
	for _, f := range a.funcs {
		if f.exempt || !f.urlCalls {
			continue
		}
		if f.ends != nil {
			r.Endpoints[f.obj] = f.ends
		}
		a.recordCalls(f, r)
	}
}

// funcEndpoints returns the endpoints of a function: the requests it
// builds, and the URLs it passes to functions that build them from a
// parameter. relevant reports whether it calls a request builder, a
// helper, a function with path parameters or any function of this
// package.
func (a *pkgAnalysis) funcEndpoints(f *fnCtx) (e *Endpoints, relevant bool) {
	for _, nd := range f.nodes {
		call, ok := nd.n.(*ast.CallExpr)
		if !ok || nd.fn == nil {
			continue
		}
		fn := nd.fn
		urls, callee := a.requestURLs(call, fn, f)
		if fn.Pkg() == a.pkg.Types || len(urls) > 0 || callee != nil {
			relevant = true
		}
		for _, u := range urls {
			if e == nil {
				e = &Endpoints{}
			}
			e.add(u)
		}
	}
	if e.empty() {
		return nil, relevant
	}
	return e, relevant
}

// recordCalls records in r the calls of f to helpers and to functions
// with path parameters.
func (a *pkgAnalysis) recordCalls(f *fnCtx, r *Result) {
	for _, nd := range f.nodes {
		call, ok := nd.n.(*ast.CallExpr)
		if !ok || nd.fn == nil || requestURLParam(nd.fn) >= 0 {
			continue // a request builder is neither
		}
		urls, callee := a.requestURLs(call, nd.fn, f)
		if callee == nil {
			continue
		}
		c := &Call{Call: call, Callee: callee, Func: f.decl, FuncObj: f.obj, File: f.file}
		for _, u := range urls {
			if p, param := u.path(); param {
				c.Through = true
			} else if p != "" && !slices.Contains(c.Paths, p) {
				c.Paths = append(c.Paths, p)
			}
		}
		r.Calls = append(r.Calls, c)
	}
}

// requestURLs returns the URL templates a call to fn sends a request to,
// and fn when it is a helper or a function with path parameters.
func (a *pkgAnalysis) requestURLs(call *ast.CallExpr, fn *types.Func, f *fnCtx) (urls []urlTmpl, callee *types.Func) {
	if i := requestURLParam(fn); i >= 0 {
		if arg := argFor(call, fn, i); arg != nil {
			return []urlTmpl{a.urlOf(arg, f, 0)}, nil
		}
		return nil, nil
	}
	s := a.summary(fn)
	if s == nil || s.Helper == nil && len(s.PathParams) == 0 {
		return nil, nil
	}
	var out []urlTmpl
	for _, pp := range s.PathParams {
		arg := argFor(call, fn, pp.Param)
		if arg == nil {
			continue
		}
		at := a.urlOf(arg, f, 0)
		r := urlTmpl{text: pp.Resolve(strings.ReplaceAll(at.text, ParamMark, "\x00")), param: at.param}
		r.text = strings.ReplaceAll(r.text, "\x00", ParamMark)
		out = append(out, r)
	}
	return out, fn
}

// httpVerbs are the names of request-builder methods that send a request
// to their URL argument (resty's R().Get(url), req's Post(url), …).
var httpVerbs = []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Options", "Execute", "Send"}

// requestURLParam returns the index of the URL parameter of a function that
// builds or sends a request, or -1.
func requestURLParam(fn *types.Func) int {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	recv := fn.Signature().Recv() != nil
	switch {
	case pkg == "net/http" && !recv:
		switch fn.Name() {
		case "NewRequest":
			return 1
		case "NewRequestWithContext":
			return 2
		case "Get", "Head", "Post", "PostForm":
			return 0
		}
		return -1
	case pkg == "net/http":
		if hasRecv(fn, "net/http", "Client") {
			switch fn.Name() {
			case "Get", "Head", "Post", "PostForm":
				return 0
			}
		}
		return -1
	case strings.HasSuffix(pkg, "websocket") || strings.Contains(pkg, "/websocket/"):
		if strings.HasPrefix(fn.Name(), "Dial") || fn.Name() == "NewConfig" {
			return firstURLParam(fn, true)
		}
		return -1
	case recv && slices.Contains(httpVerbs, fn.Name()):
		// A request builder: only a string parameter named as a URL.
		return firstURLParam(fn, false)
	}
	return -1
}

// firstURLParam returns the first string parameter of fn named as a URL
// (url, rawURL, urlStr, uri, path, endpoint, …), or, when anyString is
// set, the first string parameter; -1 if there is none.
func firstURLParam(fn *types.Func, anyString bool) int {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		t := p.Type()
		if s, ok := t.(*types.Slice); ok && fn.Signature().Variadic() && i == params.Len()-1 {
			t = s.Elem()
		}
		if !isString(t) {
			continue
		}
		name := strings.ToLower(p.Name())
		if anyString || name == "u" || strings.Contains(name, "url") || strings.Contains(name, "uri") ||
			strings.Contains(name, "path") || strings.Contains(name, "endpoint") {
			return i
		}
	}
	return -1
}

// hasRecv reports whether fn is a method of the named type pkg.typ (or a
// pointer to it).
func hasRecv(fn *types.Func, pkg, typ string) bool {
	recv := fn.Signature().Recv()
	return recv != nil && isNamed(recv.Type(), pkg, typ)
}

// maxURLDepth bounds the evaluation of a URL through variables.
const maxURLDepth = 8

// urlOf evaluates the URL expression e in function f.
func (a *pkgAnalysis) urlOf(e ast.Expr, f *fnCtx, depth int) urlTmpl {
	e = ast.Unparen(e)
	info := a.pkg.Info
	if depth > maxURLDepth {
		return unknownURL
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return urlTmpl{text: constant.StringVal(tv.Value), param: -1}
		}
		return urlTmpl{text: tv.Value.ExactString(), param: -1}
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD && isString(info.TypeOf(e)) {
			return a.urlOf(e.X, f, depth+1).plus(a.urlOf(e.Y, f, depth+1))
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return a.urlOf(e.X, f, depth+1)
		}
	case *ast.CompositeLit:
		return a.urlLit(e, f, depth)
	case *ast.Ident:
		return a.urlVar(info.Uses[e], f, depth)
	case *ast.CallExpr:
		return a.urlCall(e, f, depth)
	}
	return unknownURL
}

// urlVar evaluates a variable: a string parameter of f, or a local
// variable of f assigned once.
func (a *pkgAnalysis) urlVar(obj types.Object, f *fnCtx, depth int) urlTmpl {
	v, ok := obj.(*types.Var)
	if !ok || f == nil {
		return unknownURL
	}
	if i, ok := f.param(v); ok && isString(v.Type()) {
		return urlTmpl{text: ParamMark, param: i}
	}
	if !slices.Contains(f.locals, v) {
		return unknownURL
	}
	as := a.assigns[v]
	if len(as) != 1 || as[0].opaque || as[0].appends || as[0].ctx != f {
		return unknownURL
	}
	if as[0].index < 0 {
		return a.urlOf(as[0].rhs, f, depth+1)
	}
	// u, err := url.Parse(s)
	if call, ok := ast.Unparen(as[0].rhs).(*ast.CallExpr); ok && as[0].index == 0 {
		return a.urlCall(call, f, depth)
	}
	return unknownURL
}

// urlLit evaluates a url.URL literal: its Path (and RawPath) only.
func (a *pkgAnalysis) urlLit(lit *ast.CompositeLit, f *fnCtx, depth int) urlTmpl {
	if !isNamed(a.pkg.Info.TypeOf(lit), "net/url", "URL") {
		return unknownURL
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Path" {
				t := a.urlOf(kv.Value, f, depth+1)
				if !strings.HasPrefix(t.text, "/") {
					t.text = "/" + t.text // a url.URL's path is rooted: no base to drop
				}
				return t
			}
		}
	}
	return unknownURL
}

// urlCall evaluates calls that build URLs: fmt.Sprintf, url.Parse,
// url.JoinPath, (*url.URL).String and JoinPath, path.Join,
// strings.TrimSuffix/TrimRight of a base URL, conversions.
func (a *pkgAnalysis) urlCall(call *ast.CallExpr, f *fnCtx, depth int) urlTmpl {
	info := a.pkg.Info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return a.urlOf(call.Args[0], f, depth+1)
		}
		return unknownURL
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return unknownURL
	}
	args := call.Args
	join := func(base urlTmpl, elems []ast.Expr) urlTmpl {
		for _, el := range elems {
			base = base.plus(urlTmpl{text: "/", param: -1}).plus(a.urlOf(el, f, depth+1))
		}
		return base
	}
	switch {
	case isPkgFunc(fn, "fmt", "Sprintf") && len(args) > 0:
		return a.urlFormat(args[0], args[1:], f, depth)
	case isPkgFunc(fn, "net/url", "Parse", "ParseRequestURI") && len(args) == 1,
		isPkgFunc(fn, "strings", "TrimSuffix", "TrimRight", "TrimSpace") && len(args) >= 1:
		return a.urlOf(args[0], f, depth+1)
	case isPkgFunc(fn, "net/url", "JoinPath") && len(args) >= 1 && !call.Ellipsis.IsValid():
		return join(a.urlOf(args[0], f, depth+1), args[1:])
	case isPkgFunc(fn, "path", "Join") && !call.Ellipsis.IsValid():
		t := urlTmpl{param: -1}
		for i, el := range args {
			if i > 0 {
				t = t.plus(urlTmpl{text: "/", param: -1})
			}
			t = t.plus(a.urlOf(el, f, depth+1))
		}
		return t
	case hasRecv(fn, "net/url", "URL"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return unknownURL
		}
		switch fn.Name() {
		case "String":
			return a.urlOf(sel.X, f, depth+1)
		case "JoinPath":
			if !call.Ellipsis.IsValid() {
				return join(a.urlOf(sel.X, f, depth+1), args)
			}
		}
	}
	return unknownURL
}

// urlFormat evaluates fmt.Sprintf(format, args...): each verb is its
// argument's template.
func (a *pkgAnalysis) urlFormat(format ast.Expr, args []ast.Expr, f *fnCtx, depth int) urlTmpl {
	tv, ok := a.pkg.Info.Types[format]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return unknownURL
	}
	s := constant.StringVal(tv.Value)
	t := urlTmpl{param: -1}
	var text strings.Builder
	argi := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			text.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '%' {
			text.WriteByte('%')
			i++
			continue
		}
		// Skip flags, width and precision to the verb.
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0123456789.*[]", s[j]) >= 0 {
			j++
		}
		i = j
		t = t.plus(urlTmpl{text: text.String(), param: -1})
		text.Reset()
		if argi < len(args) {
			t = t.plus(a.urlOf(args[argi], f, depth+1))
		} else {
			t = t.plus(unknownURL)
		}
		argi++
	}
	return t.plus(urlTmpl{text: text.String(), param: -1})
}
