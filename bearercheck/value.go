package bearercheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/types/typeutil"
)

// Kind says how the Bearer scheme entered a value. It is the diagnostic
// category of a site built that way.
type Kind string

const (
	KindNone      Kind = ""
	KindLiteral   Kind = "literal-prefix"        // "Bearer "+tok, a named constant
	KindSprintf   Kind = "sprintf"               // fmt.Sprintf("Bearer %s", tok)
	KindJoin      Kind = "join"                  // strings.Join([]string{"Bearer", tok}, " ")
	KindHelper    Kind = "helper-result"         // a call to a function that returns a bearer value
	KindScheme    Kind = "scheme-param"          // a scheme-parametric call given the Bearer scheme
	KindAPI       Kind = "bearer-api"            // an API that sets a bearer header by itself
	KindHardCoded Kind = "hard-coded-credential" // the whole value, token included, is constant
)

// Value is what is statically known about a string value: a known prefix,
// possibly led by a parameter of the enclosing function (a scheme
// parameter), and whether the value is exactly that.
type Value struct {
	Head   *types.Var // the value begins with this parameter (nil: with Prefix)
	Prefix string     // the known text (after Head)
	Exact  bool       // the value is exactly Head+Prefix

	Kind     Kind        // how the Bearer scheme entered the value
	Origin   ast.Expr    // the expression that builds the bearer value
	Token    ast.Expr    // the value is exactly Prefix followed by this expression
	Provider bool        // the value is an AuthProvider's full header value
	Helper   *types.Func // the bearer-returning function the value comes from

	// pending marks the result of a function of the package whose summary
	// is not computed yet (a recursive call): while summaries are computed,
	// merges skip it, and the caller is visited again once it is known.
	pending bool
}

// The named meanings of Value's fields: code asks these, not raw
// combinations of Head, Prefix and Exact.

// IsConstant reports whether the value is known text: exactly Prefix.
func (v Value) IsConstant() bool { return v.Head == nil && v.Exact }

// IsEmptyString reports whether the value is the constant "".
func (v Value) IsEmptyString() bool { return v.IsConstant() && v.Prefix == "" }

// BeginsWithParam reports whether the value begins with a parameter of
// the function (Head), its callers' argument.
func (v Value) BeginsWithParam() bool { return v.Head != nil }

// IsParam reports whether the value is exactly a parameter (Head),
// unchanged.
func (v Value) IsParam() bool { return v.Head != nil && v.Exact && v.Prefix == "" }

// IsBearer reports whether the value statically begins with the Bearer
// scheme followed by white space.
func (v Value) IsBearer() bool {
	return v.Head == nil && (isBearerText(v.Prefix) || v.maskedToken())
}

// maskedToken reports whether the value is the Bearer scheme, mask-like
// text and then one whole expression: "Bearer xxx"+tok sends tok, with
// whatever the text is, so it is a site; a mask followed by part of a
// token ("Bearer ****"+tok[len(tok)-4:]) is a redaction.
func (v Value) maskedToken() bool {
	if v.Exact || v.Token == nil || !hasBearerScheme(v.Prefix) {
		return false
	}
	_, part := ast.Unparen(v.Token).(*ast.SliceExpr)
	return !part
}

// hasBearerScheme reports whether s begins with "bearer" (any case) and
// white space, whatever follows.
func hasBearerScheme(s string) bool {
	if len(s) <= len("bearer") || !strings.EqualFold(s[:len("bearer")], "bearer") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len("bearer"):])
	return unicode.IsSpace(r)
}

// HardCoded reports whether the value is a bearer value whose token is
// constant too: a credential in source.
func (v Value) HardCoded() bool {
	if !v.IsBearer() || !v.Exact {
		return false
	}
	return isCredential(v.Prefix[len("bearer"):])
}

// isCredential reports whether constant text given as a bearer token is a
// credential: not empty, not a placeholder, not a mask.
func isCredential(token string) bool {
	t := strings.TrimSpace(token)
	return t != "" && !isPlaceholder(t) && !isMask(t)
}

// isBearerText reports whether s begins with "bearer" (any case) and white
// space, and is not a mask ("Bearer ****": a redaction table, not a header).
func isBearerText(s string) bool {
	return hasBearerScheme(s) && !isMask(s[len("bearer"):])
}

// isAuthorizationKey reports whether a key value is the Authorization header.
func isAuthorizationKey(v Value) bool {
	return v.IsConstant() && strings.EqualFold(strings.TrimSpace(v.Prefix), "authorization")
}

func exact(s string) Value { return Value{Prefix: s, Exact: true} }

var unknown = Value{}

// concat is the value of a followed by b, the value of expression bx
// (nil when b is text of a format).
func concat(a, b Value, bx ast.Expr) Value {
	if a.IsEmptyString() {
		if opaque(b) {
			b.Token = bx
		}
		return b
	}
	if b.IsEmptyString() {
		return a
	}
	r := a
	r.Token = nil // unless it ends with one opaque expression, below
	switch {
	case !a.Exact:
		return r
	case b.BeginsWithParam():
		r.Exact = false
		if b.Exact && b.Prefix == "" {
			r.Token = bx // exactly a parameter
		}
		return r
	}
	r.Prefix = a.Prefix + b.Prefix
	r.Exact = b.Exact
	r.Provider = false
	switch {
	case opaque(b):
		r.Token = bx
	case b.Token != nil:
		r.Token = b.Token
	}
	if r.Kind == KindNone {
		r.Kind, r.Origin, r.Helper = b.Kind, b.Origin, b.Helper
	}
	return r
}

// opaque reports whether nothing is known about a value.
func opaque(v Value) bool { return v.Head == nil && v.Prefix == "" && !v.Exact }

// BearerToken returns the token expression of a value that is exactly
// the Bearer scheme, white space, and that one expression ("Bearer "+tok,
// fmt.Sprintf("Bearer %s", tok), strings.Join([]string{"Bearer", tok}, " ")),
// or nil.
func (v Value) BearerToken() ast.Expr {
	if v.Token == nil || !v.IsBearer() || strings.TrimSpace(v.Prefix[len("bearer"):]) != "" {
		return nil
	}
	return v.Token
}

// merge is the value of a variable assigned each of vals: their longest
// common prefix. Empty strings are the "no credential" case and are skipped.
func merge(vals []Value) Value {
	var r Value
	first := true
	for _, v := range vals {
		if v.IsEmptyString() || v.pending {
			continue
		}
		if first {
			r, first = v, false
			continue
		}
		if v.Head != r.Head {
			return unknown
		}
		p := commonPrefix(r.Prefix, v.Prefix)
		r.Exact = r.Exact && v.Exact && r.Prefix == v.Prefix
		r.Prefix = p
		r.Provider = r.Provider && v.Provider
		if r.Kind == KindNone || r.Kind == KindHelper && v.Kind != KindNone {
			r.Kind = v.Kind // built here on one path: not only through a helper
		}
		if r.Helper != v.Helper {
			r.Helper = nil
		}
		if r.Origin != v.Origin {
			r.Origin = nil
		}
		if r.Token != v.Token {
			r.Token = nil
		}
	}
	return r
}

func commonPrefix(a, b string) string {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return a[:i]
		}
	}
	return a[:n]
}

// eval returns what is statically known about the string value of e,
// evaluated in function ctx (nil at package level).
func (a *pkgAnalysis) eval(e ast.Expr, ctx *fnCtx) Value {
	e = ast.Unparen(e)
	if m, ok := a.memo[e]; ok {
		if !m.done {
			return unknown // a cycle: x = x + "..."
		}
		return m.v
	}
	a.memo[e] = memoEntry{} // being evaluated
	v := a.eval1(e, ctx)
	a.memo[e] = memoEntry{v: v, done: true}
	return v
}

// memoEntry is the value of an expression, once evaluated (done).
type memoEntry struct {
	v    Value
	done bool
}

func (a *pkgAnalysis) eval1(e ast.Expr, ctx *fnCtx) Value {
	info := a.pkg.Info
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		v := exact(constant.StringVal(tv.Value))
		if isBearerText(v.Prefix) {
			v.Kind = KindLiteral
			v.Origin = e
		}
		return v
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD || !isString(info.TypeOf(e)) {
			return unknown
		}
		v := concat(a.eval(e.X, ctx), a.eval(e.Y, ctx), e.Y)
		return a.origin(v, e, KindLiteral)
	case *ast.CallExpr:
		return a.evalCall(e, ctx)
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && isBytes(v.Type()) && !v.IsField() {
			return a.accValue(v, e.Pos(), nil, ctx) // string(buf)
		}
		return a.evalVar(info.Uses[e], ctx)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				if v, ok := a.literalField(e, sel, ctx); ok {
					return v
				}
				return a.evalVar(sel.Obj(), ctx)
			}
			return unknown
		}
		return a.evalVar(info.Uses[e.Sel], ctx)
	}
	return unknown
}

// origin records that e builds the bearer value v, unless an operand
// already did in a way other than plain text (a helper call, a Sprintf).
func (a *pkgAnalysis) origin(v Value, e ast.Expr, k Kind) Value {
	if v.IsBearer() && (v.Kind == KindNone || v.Kind == KindLiteral) {
		v.Kind = k
		v.Origin = e
	}
	return v
}

func (a *pkgAnalysis) evalVar(obj types.Object, ctx *fnCtx) Value {
	vr, ok := obj.(*types.Var)
	if !ok || !isString(vr.Type()) {
		return unknown
	}
	if ctx != nil {
		if _, ok := ctx.param(vr); ok || vr == ctx.recv {
			return Value{Head: vr, Exact: true}
		}
	}
	v := a.varValue(vr)
	if v.BeginsWithParam() && (ctx == nil || !ctx.owns(v.Head)) {
		return unknown // led by a parameter of another function (a field set in a constructor)
	}
	if vr.IsField() && !schemeOrKey(v) {
		// A struct value holds whatever its assignments in this package do
		// not show too: its zero value, a decoded value, one set by
		// another package. A literal given to a field somewhere (a token
		// "anonymous") does not say what a read of it gives: only a
		// bearer value, the Authorization key and the scheme itself are
		// known from a field's assignments.
		return unknown
	}
	return v
}

// schemeOrKey reports whether v is known as a bearer value, the
// Authorization key, the Bearer scheme alone, an AuthProvider's value or a
// value led by a parameter.
func schemeOrKey(v Value) bool {
	return v.IsBearer() || v.Provider || v.BeginsWithParam() || isAuthorizationKey(v) || v.Exact && isBearerText(v.Prefix+" ")
}

// varValue is the value of a variable or field over all its assignments.
// It is computed once per variable, not once per read, so that evaluation
// stays linear in the number of assignments however often the variable
// is read.
func (a *pkgAnalysis) varValue(vr *types.Var) Value {
	if v, ok := a.varMemo[vr]; ok {
		return v
	}
	as, ok := a.assigns[vr]
	imported := a.importedField(vr)
	if !ok && imported == nil {
		return unknown
	}
	a.varMemo[vr] = unknown // a cycle through other variables: nothing known
	vals := make([]Value, 0, len(as)+1)
	if imported != nil {
		vals = append(vals, Value{Prefix: imported.Prefix, Exact: imported.Exact, Kind: KindLiteral})
	}
	appends := false
	for _, as := range as {
		if as.opaque {
			vals = nil
			break
		}
		if as.appends || as.index < 0 && a.extends(as.rhs, vr) {
			appends = true // x += y and x = x + y keep the prefix of x's other assignments
			continue
		}
		vals = append(vals, a.evalAssign(as))
	}
	v := unknown
	if vals != nil {
		v = merge(vals)
		if appends {
			v = notExact(v)
		}
	}
	a.varMemo[vr] = v
	return v
}

// extends reports whether e is vr followed by more: vr + y + ….
func (a *pkgAnalysis) extends(e ast.Expr, vr *types.Var) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	for ok && b.Op == token.ADD {
		e = b.X
		b, ok = ast.Unparen(e).(*ast.BinaryExpr)
	}
	if e == nil {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return a.pkg.Info.Uses[x] == vr
	case *ast.SelectorExpr:
		if sel, ok := a.pkg.Info.Selections[x]; ok {
			return sel.Obj() == vr
		}
	}
	return false
}

// literalField evaluates x.f where x is a struct variable — local, or of
// this package's scope — whose every assignment is a literal of a struct
// type of this package or of an anonymous struct type, whose address is
// never taken, and whose field f is set by struct literals only: the value
// reaching the read is then one those literals give f
// (var defaultCfg = Cfg{Token: "…"} read as defaultCfg.Token).
func (a *pkgAnalysis) literalField(e *ast.SelectorExpr, sel *types.Selection, ctx *fnCtx) (Value, bool) {
	id, ok := ast.Unparen(e.X).(*ast.Ident)
	if !ok || len(sel.Index()) != 1 {
		return unknown, false
	}
	x, ok := a.pkg.Info.Uses[id].(*types.Var)
	if !ok || x.Parent() == nil {
		return unknown, false
	}
	global := x.Parent() == a.pkg.Types.Scope()
	if !global && (ctx == nil || ctx.owns(x)) {
		return unknown, false // not a variable of the function or the package
	}
	switch t := types.Unalias(x.Type()).(type) {
	case *types.Named:
		if t.Obj().Pkg() != a.pkg.Types {
			return unknown, false // a type whose methods this package does not see
		}
		for m := range t.Methods() {
			if _, ptr := m.Signature().Recv().Type().(*types.Pointer); ptr {
				return unknown, false // x.m() may change x
			}
		}
	case *types.Struct: // an anonymous struct: no methods
	default:
		return unknown, false // a pointer
	}
	field := sel.Obj().(*types.Var)
	for _, as := range a.assigns[field] {
		if !as.lit {
			return unknown, false // also set by x.f = …
		}
	}
	as := a.assigns[x]
	if len(as) == 0 {
		return unknown, false
	}
	vals := make([]Value, 0, len(as))
	for _, as := range as {
		lit, ok := ast.Unparen(as.rhs).(*ast.CompositeLit)
		if as.opaque || as.appends || as.index >= 0 || !global && as.ctx != ctx || !ok {
			return unknown, false
		}
		el := a.fieldElement(lit, field, sel.Index()[0])
		if el == nil {
			vals = append(vals, exact("")) // the zero value
			continue
		}
		vals = append(vals, a.eval(el, as.ctx))
	}
	return merge(vals), true
}

// fieldElement returns the value a struct literal gives field f (field i
// of its type), or nil.
func (a *pkgAnalysis) fieldElement(lit *ast.CompositeLit, f *types.Var, i int) ast.Expr {
	for j, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			if j == i {
				return el
			}
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && a.pkg.Info.Uses[id] == f {
			return kv.Value
		}
	}
	return nil
}

// evalAssign evaluates the value an assignment gives its variable.
func (a *pkgAnalysis) evalAssign(as *assign) Value {
	if as.index < 0 {
		return a.eval(as.rhs, as.ctx)
	}
	call, ok := ast.Unparen(as.rhs).(*ast.CallExpr)
	if !ok {
		return unknown
	}
	return a.callResult(call, as.index, as.ctx)
}

func (a *pkgAnalysis) evalCall(call *ast.CallExpr, ctx *fnCtx) Value {
	info := a.pkg.Info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return a.eval(call.Args[0], ctx) // a conversion
		}
		return unknown
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return unknown
	}
	if isPkgFunc(fn, "fmt", "Sprintf", "Sprint", "Appendf", "Append") {
		args := call.Args
		dst := exact("")
		if fn.Name() == "Appendf" || fn.Name() == "Append" {
			if len(args) == 0 {
				return unknown
			}
			if !isNil(info, args[0]) {
				dst = a.eval(args[0], ctx)
			}
			args = args[1:]
		}
		var v Value
		if strings.HasSuffix(fn.Name(), "f") {
			v = a.evalFormat(args, ctx)
		} else {
			v = a.evalSprint(args, ctx)
		}
		return concat(dst, a.origin(v, call, KindSprintf), nil)
	}
	if recv := fn.Signature().Recv(); recv != nil && isBuilder(recv.Type()) && (fn.Name() == "String" || fn.Name() == "Bytes") {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v, ok := info.Uses[identOf(sel.X)].(*types.Var); ok && !v.IsField() {
				return a.accValue(v, call.Pos(), nil, ctx)
			}
		}
		return unknown
	}
	if v, ok := a.evalWrapper(fn, call, ctx); ok {
		return v
	}
	if isPkgFunc(fn, "strings", "Join") && len(call.Args) == 2 {
		return a.origin(a.evalJoin(call.Args[0], call.Args[1], ctx), call, KindJoin)
	}
	if a.isProviderMethod(fn) {
		return Value{Provider: true}
	}
	return a.callResult(call, 0, ctx)
}

// callResult is the value of result i of a call, from the callee's summary.
func (a *pkgAnalysis) callResult(call *ast.CallExpr, i int, ctx *fnCtx) Value {
	fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
	if fn == nil {
		return unknown
	}
	if a.isProviderMethod(fn) && i == 0 {
		return Value{Provider: true}
	}
	s := a.summary(fn)
	if s == nil && a.pending(fn) {
		return Value{pending: true}
	}
	if s == nil && i == 0 {
		if v, ok := a.implsResult(fn); ok {
			v.Origin = call
			return v
		}
	}
	if s == nil || i >= len(s.Results) {
		return unknown
	}
	r := s.Results[i]
	v := Value{Prefix: r.Prefix, Exact: r.Exact, Provider: r.Provider}
	if r.Head != -1 {
		arg := argFor(call, fn, r.Head)
		if r.Head == RecvHead {
			arg = a.receiverOf(call)
		}
		if arg == nil {
			return unknown
		}
		av := a.eval(arg, ctx)
		if !av.Exact {
			return unknown
		}
		v.Head = av.Head
		v.Prefix = av.Prefix + r.Prefix
	}
	v = a.tail(v, r.Tail, call, fn, ctx)
	if r.Head != -1 {
		if v.IsBearer() {
			v.Kind = KindScheme
			v.Origin = call
			v.Helper = fn
		}
		return v
	}
	if v.IsBearer() {
		v.Kind = KindHelper
		v.Origin = call
		v.Helper = fn
	}
	return v
}

// receiverOf returns the receiver expression of a method call x.M(...),
// or nil.
func (a *pkgAnalysis) receiverOf(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s, ok := a.pkg.Info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return nil
	}
	return sel.X
}

// tail completes v, the known text of a call's result, with the argument
// given for parameter i when the result ends with exactly that parameter
// (i ≥ 0): a constant token passed to a helper makes the result constant
// too, and a parameter passed on is the result's token expression.
func (a *pkgAnalysis) tail(v Value, i int, call *ast.CallExpr, fn *types.Func, ctx *fnCtx) Value {
	if i < 0 || v.Exact {
		return v
	}
	arg := argFor(call, fn, i)
	if arg == nil {
		return v
	}
	av := a.eval(arg, ctx)
	if opaque(av) {
		return v
	}
	return concat(Value{Head: v.Head, Prefix: v.Prefix, Exact: true, Provider: v.Provider}, av, arg)
}

// tokenParam returns the parameter of f that is, unchanged, the token of
// bearer value v, or -1.
func (a *pkgAnalysis) tokenParam(v Value, f *fnCtx) int {
	return a.exactParam(v.BearerToken(), f)
}

// exactParam returns the parameter of f whose value t is, unchanged, or -1.
func (a *pkgAnalysis) exactParam(t ast.Expr, f *fnCtx) int {
	if t == nil {
		return -1
	}
	tv := a.eval(t, f)
	if !tv.IsParam() {
		return -1
	}
	if i, ok := f.param(tv.Head); ok {
		return i
	}
	return -1
}

// argFor returns the argument of call bound to parameter i of fn.
func argFor(call *ast.CallExpr, fn *types.Func, i int) ast.Expr {
	sig := fn.Signature()
	if i < 0 || i >= sig.Params().Len() || i >= len(call.Args) {
		return nil
	}
	if sig.Variadic() && i == sig.Params().Len()-1 {
		if len(call.Args) != i+1 || call.Ellipsis.IsValid() {
			return nil
		}
	}
	if len(call.Args) == 1 && sig.Params().Len() > 1 {
		return nil // f(g()) with a tuple
	}
	return call.Args[i]
}

// evalFormat evaluates fmt.Sprintf(format, args...) up to the first verb
// whose argument is not known exactly. Verbs may carry flags, a width, a
// precision and argument indexes (%-8s, %.3s, %[2]s, %*s).
func (a *pkgAnalysis) evalFormat(args []ast.Expr, ctx *fnCtx) Value {
	if len(args) == 0 {
		return unknown
	}
	f := a.eval(args[0], ctx)
	if !f.IsConstant() {
		return unknown
	}
	format, args := f.Prefix, args[1:]
	v := exact("")
	var text strings.Builder
	flush := func() {
		v = concat(v, exact(text.String()), nil)
		text.Reset()
	}
	argi := 0
	reordered := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			text.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			text.WriteByte('%')
			i++
			continue
		}
		flush()
		d, n := a.parseVerb(format[i+1:], args, &argi, &reordered, ctx)
		i += n
		if !d.ok || argi >= len(args) {
			return notExact(v)
		}
		arg := args[argi]
		argi++
		av := a.eval(arg, ctx)
		if d.verb != 's' && d.verb != 'v' || d.sharp {
			return notExact(v)
		}
		if d.width >= 0 || d.prec >= 0 {
			if !av.IsConstant() {
				return notExact(v)
			}
			av = exact(d.pad(av.Prefix))
		}
		v = concat(v, av, arg)
		if !v.Exact {
			if i+1 < len(format) || argi < len(args) || reordered {
				v.Token = nil // more text or arguments follow the token
			}
			return v
		}
	}
	flush()
	return v
}

// verbSpec is a parsed formatting directive.
type verbSpec struct {
	ok          bool
	verb        byte
	minus, zero bool
	sharp       bool
	width, prec int // -1: none
}

// pad applies the directive's precision and width to a string operand.
func (d verbSpec) pad(s string) string {
	if d.prec >= 0 && utf8.RuneCountInString(s) > d.prec {
		s = string([]rune(s)[:d.prec])
	}
	if n := d.width - utf8.RuneCountInString(s); n > 0 {
		switch {
		case d.minus:
			s += strings.Repeat(" ", n)
		case d.zero:
			s = strings.Repeat("0", n) + s
		default:
			s = strings.Repeat(" ", n) + s
		}
	}
	return s
}

// parseVerb parses the directive after a '%': flags, [n], width or *,
// .precision or .*, [n], verb. It returns the directive and the number of
// bytes it spans; argi advances past arguments a '*' consumes.
func (a *pkgAnalysis) parseVerb(s string, args []ast.Expr, argi *int, reordered *bool, ctx *fnCtx) (verbSpec, int) {
	d := verbSpec{width: -1, prec: -1}
	j := 0
	for ; j < len(s); j++ {
		switch s[j] {
		case '-':
			d.minus = true
		case '0':
			d.zero = true
		case '#':
			d.sharp = true
		case '+', ' ':
		default:
			goto flagsDone
		}
	}
flagsDone:
	index := func() bool {
		if j >= len(s) || s[j] != '[' {
			return true
		}
		end := strings.IndexByte(s[j:], ']')
		if end < 0 {
			return false
		}
		n, err := strconv.Atoi(s[j+1 : j+end])
		if err != nil || n < 1 {
			return false
		}
		*argi, *reordered = n-1, true
		j += end + 1
		return true
	}
	number := func() (int, bool) {
		if j < len(s) && s[j] == '*' {
			j++
			if *argi >= len(args) {
				return 0, false
			}
			tv := a.pkg.Info.Types[args[*argi]]
			*argi++
			if tv.Value == nil || tv.Value.Kind() != constant.Int {
				return 0, false
			}
			n, ok := constant.Int64Val(tv.Value)
			return int(n), ok && n >= 0
		}
		k := j
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if k == j {
			return -1, true
		}
		n, err := strconv.Atoi(s[k:j])
		return n, err == nil
	}
	var ok bool
	if !index() {
		return d, j
	}
	if d.width, ok = number(); !ok {
		return d, j
	}
	if j < len(s) && s[j] == '.' {
		j++
		if !index() {
			return d, j
		}
		if d.prec, ok = number(); !ok {
			return d, j
		}
		if d.prec < 0 {
			d.prec = 0 // "%.s"
		}
	}
	if !index() || j >= len(s) {
		return d, j
	}
	d.verb = s[j]
	d.ok = true
	return d, j + 1
}

// evalSprint evaluates fmt.Sprint(args...): the operands concatenated.
func (a *pkgAnalysis) evalSprint(args []ast.Expr, ctx *fnCtx) Value {
	v := exact("")
	for _, arg := range args {
		v = concat(v, a.eval(arg, ctx), arg)
	}
	return v
}

// identOf returns e as an identifier, parentheses removed, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func notExact(v Value) Value {
	v.Exact = false
	v.Token = nil
	return v
}

// evalJoin evaluates strings.Join(elems, sep) for a slice literal.
func (a *pkgAnalysis) evalJoin(elems, sep ast.Expr, ctx *fnCtx) Value {
	s := a.eval(sep, ctx)
	if !s.IsConstant() {
		return unknown
	}
	if v, ok := a.pkg.Info.Uses[identOf(elems)].(*types.Var); ok && !v.IsField() {
		return a.accValue(v, elems.Pos(), &s, ctx) // a slice built with append
	}
	lit, ok := ast.Unparen(elems).(*ast.CompositeLit)
	if !ok {
		return unknown
	}
	v := exact("")
	for i, el := range lit.Elts {
		if _, ok := el.(*ast.KeyValueExpr); ok {
			return unknown
		}
		if i > 0 {
			v = concat(v, s, nil)
		}
		v = concat(v, a.eval(el, ctx), el)
		if !v.Exact {
			if i < len(lit.Elts)-1 {
				v.Token = nil // more elements follow the token
			}
			return v
		}
	}
	return v
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isStringSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && isString(s.Elem())
}

// isPkgFunc reports whether fn is the package-level function pkg.name (one of names).
func isPkgFunc(fn *types.Func, pkg string, names ...string) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != pkg || fn.Signature().Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}
