package bearercheck

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// Values built incrementally: a strings.Builder or bytes.Buffer filled
// with WriteString("Bearer ") or fmt.Fprintf(&b, "Bearer %s", t) and read
// back with String(); a []byte grown with append or fmt.Appendf; a
// []string grown with append and joined. Such a local variable is an
// accumulator: its value where it is read is what its definition holds
// followed by what the writes before the read add, as long as they run in
// the definition's block (straight-line code). A write in a loop or a
// branch, or a use that may change the value in other ways, ends what is
// known: the value keeps the prefix built so far.

type accKind int

const (
	accInit   accKind = iota // v := rhs, var v T [= rhs], v = rhs (expr: rhs, or nil)
	accWrite                 // b.WriteString(x), b.Write(x), io.WriteString(&b, x) (expr: x)
	accFormat                // fmt.Fprintf(&b, …), fmt.Fprint(&b, …) (expr: the call)
	accAppend                // v = append(v, …), v = fmt.Appendf(v, …) (expr: the call)
	accOther                 // any other use that may change the value
)

// accOp is one operation on an accumulator.
type accOp struct {
	kind  accKind
	pos   token.Pos
	expr  ast.Expr
	block ast.Node // the innermost block, case or comm clause around it
}

// isAccumulator reports whether t is a type whose values are built
// incrementally: strings.Builder, bytes.Buffer (or pointers to them),
// []byte, []string.
func isAccumulator(t types.Type) bool {
	return isBuilder(t) || isBytes(t) || isStringSlice(t)
}

func isBuilder(t types.Type) bool {
	return isNamed(t, "strings", "Builder") || isNamed(t, "bytes", "Buffer")
}

// accOps returns the operations on f's local accumulators, in source order.
func (a *pkgAnalysis) accOps(f *fnCtx) map[*types.Var][]accOp {
	if ops, ok := a.accCache[f]; ok {
		return ops
	}
	info := a.pkg.Info
	ops := map[*types.Var][]accOp{}
	// The names an accumulator declared in the body may have: those of
	// the locals index found, and of the variables it does not record
	// (function literals' results, a type switch's per-clause variables),
	// added where they are declared, before their uses. Other identifiers
	// are not looked up.
	var names []string
	addName := func(name string) {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for _, v := range f.locals {
		if isAccumulator(v.Type()) {
			addName(v.Name())
		}
	}
	var stack []ast.Node
	ast.Inspect(f.decl.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncLit:
			if n.Type.Results != nil {
				for _, field := range n.Type.Results.List {
					for _, name := range field.Names {
						addName(name.Name)
					}
				}
			}
		case *ast.TypeSwitchStmt:
			if as, ok := n.Assign.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						addName(id.Name)
					}
				}
			}
		}
		id, ok := n.(*ast.Ident)
		if !ok || !slices.Contains(names, id.Name) {
			return true
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil || v.IsField() || !isAccumulator(v.Type()) || !f.declares(v) {
			return true
		}
		if op, ok := a.accOp(v, stack); ok {
			for i := len(stack) - 1; i >= 0; i-- {
				switch stack[i].(type) {
				case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
					op.block = stack[i]
				}
				if op.block != nil {
					break
				}
			}
			ops[v] = append(ops[v], op)
		}
		return true
	})
	a.accCache[f] = ops
	return ops
}

// declares reports whether v is declared in f's body.
func (f *fnCtx) declares(v *types.Var) bool {
	return f.decl.Body.Pos() <= v.Pos() && v.Pos() < f.decl.Body.End()
}

// accOp classifies the use of accumulator v at the top of stack; ok is
// false for a use that only reads it.
func (a *pkgAnalysis) accOp(v *types.Var, stack []ast.Node) (accOp, bool) {
	info := a.pkg.Info
	id := stack[len(stack)-1].(*ast.Ident)
	parent := func(k int) ast.Node { // the k-th ancestor of id
		if len(stack)-1-k < 0 {
			return nil
		}
		return stack[len(stack)-1-k]
	}
	switch p := parent(1).(type) {
	case *ast.ValueSpec:
		for i, name := range p.Names {
			if name == id {
				op := accOp{kind: accInit, pos: id.Pos()}
				switch {
				case len(p.Values) == len(p.Names):
					op.expr = p.Values[i]
				case len(p.Values) != 0:
					op.kind = accOther
				}
				return op, true
			}
		}
	case *ast.AssignStmt:
		for i, l := range p.Lhs {
			if l != id {
				continue
			}
			if len(p.Lhs) != len(p.Rhs) || p.Tok != token.ASSIGN && p.Tok != token.DEFINE {
				return accOp{kind: accOther, pos: p.Pos()}, true
			}
			rhs := p.Rhs[i]
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && a.appendsTo(call, v) {
				return accOp{kind: accAppend, pos: p.Pos(), expr: call}, true
			}
			return accOp{kind: accInit, pos: p.Pos(), expr: rhs}, true
		}
		return accOp{}, false // read on the right
	case *ast.RangeStmt:
		if p.Key == id || p.Value == id {
			return accOp{kind: accOther, pos: p.Pos()}, true
		}
	case *ast.IncDecStmt:
		return accOp{kind: accOther, pos: p.Pos()}, true
	case *ast.IndexExpr:
		if as, ok := parent(2).(*ast.AssignStmt); ok && p.X == id {
			for _, l := range as.Lhs {
				if l == p {
					return accOp{kind: accOther, pos: as.Pos()}, true // parts[i] = x
				}
			}
		}
	case *ast.SelectorExpr:
		call, ok := parent(2).(*ast.CallExpr)
		if !ok || call.Fun != p || p.X != id {
			return accOp{}, false
		}
		switch p.Sel.Name {
		case "WriteString", "Write", "WriteByte", "WriteRune":
			if len(call.Args) == 1 {
				return accOp{kind: accWrite, pos: call.Pos(), expr: call.Args[0]}, true
			}
		case "String", "Len", "Cap", "Bytes", "Grow", "Available", "AvailableBuffer":
			return accOp{}, false
		}
		return accOp{kind: accOther, pos: call.Pos()}, true
	}
	// An argument: &b or b to fmt.Fprint(f) or io.WriteString, or to any
	// other function, which may change it.
	arg := ast.Node(id)
	k := 1
	if u, ok := parent(1).(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg, k = u, 2
	} else if pe, ok := parent(1).(*ast.ParenExpr); ok {
		arg, k = pe, 2
	}
	call, ok := parent(k).(*ast.CallExpr)
	if !ok || call.Fun == arg {
		if arg != ast.Node(id) {
			return accOp{kind: accOther, pos: arg.Pos()}, true // &b kept elsewhere
		}
		return accOp{}, false
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return accOp{}, false // a conversion: string(buf)
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap":
				return accOp{}, false
			case "append":
				if call.Args[0] != arg {
					return accOp{}, false // append(x, parts...) reads parts
				}
				if as, ok := parent(k + 1).(*ast.AssignStmt); ok && len(as.Lhs) == 1 && a.isVar(as.Lhs[0], v) {
					return accOp{}, false // v = append(v, …): recorded at the assignment
				}
			}
		}
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil && len(call.Args) > 0 && call.Args[0] == arg && isBuilder(v.Type()) {
		switch {
		case isPkgFunc(fn, "fmt", "Fprintf", "Fprint"):
			return accOp{kind: accFormat, pos: call.Pos(), expr: call}, true
		case isPkgFunc(fn, "io", "WriteString") && len(call.Args) == 2:
			return accOp{kind: accWrite, pos: call.Pos(), expr: call.Args[1]}, true
		}
	}
	if fn != nil && (isPkgFunc(fn, "strings", "Join") || isPkgFunc(fn, "fmt", "Appendf", "Append") && call.Args[0] == arg) {
		if fn.Name() == "Join" {
			return accOp{}, false
		}
		if as, ok := parent(k + 1).(*ast.AssignStmt); ok && len(as.Lhs) == 1 && a.isVar(as.Lhs[0], v) {
			return accOp{}, false // v = fmt.Appendf(v, …): recorded at the assignment
		}
	}
	return accOp{kind: accOther, pos: call.Pos()}, true
}

// isVar reports whether e denotes the variable v.
func (a *pkgAnalysis) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && a.pkg.Info.ObjectOf(id) == v
}

// appendsTo reports whether call is append(v, …), fmt.Appendf(v, …) or
// fmt.Append(v, …).
func (a *pkgAnalysis) appendsTo(call *ast.CallExpr, v *types.Var) bool {
	if len(call.Args) == 0 || !a.isVar(call.Args[0], v) {
		return false
	}
	if isBuiltin(a.pkg.Info, call.Fun, "append") {
		return true
	}
	fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
	return fn != nil && isPkgFunc(fn, "fmt", "Appendf", "Append")
}

// accPieces returns the pieces accumulator v holds just before pos, in
// order: each is an expression and its value. complete is false when more
// may follow them; ok is false when nothing is known.
func (a *pkgAnalysis) accPieces(v *types.Var, pos token.Pos, ctx *fnCtx) (pieces []piece, complete, ok bool) {
	f := a.funcDeclaring(v)
	if f == nil {
		return nil, false, false
	}
	var block ast.Node
	for _, op := range a.accOps(f)[v] {
		if op.pos >= pos {
			break
		}
		if op.kind == accOther || op.kind == accInit && block != nil && op.block != block {
			return nil, false, false // reset, replaced or changed elsewhere
		}
		if block != nil && op.block != block {
			return pieces, false, true // more added in a loop or a branch
		}
		switch op.kind {
		case accInit:
			pieces, complete = a.initPieces(op.expr, v.Type(), ctx)
			if !complete {
				return pieces, false, len(pieces) > 0
			}
			block = op.block
		case accWrite:
			if block == nil {
				return nil, false, false
			}
			pieces = append(pieces, piece{op.expr, a.evalByte(op.expr, ctx)})
		case accFormat, accAppend:
			if block == nil {
				return nil, false, false
			}
			more, done := a.addedPieces(op.expr.(*ast.CallExpr), v, ctx)
			pieces = append(pieces, more...)
			if !done {
				return pieces, false, true
			}
		}
	}
	return pieces, block != nil, block != nil
}

// piece is one part of an accumulated value.
type piece struct {
	expr ast.Expr
	val  Value
}

// funcDeclaring returns the function whose body declares v: the last
// function whose body begins at or before v, if v is in it (the bodies of
// function declarations do not overlap).
func (a *pkgAnalysis) funcDeclaring(v *types.Var) *fnCtx {
	i, found := slices.BinarySearchFunc(a.byBody, v.Pos(), func(f *fnCtx, p token.Pos) int {
		return cmp.Compare(f.decl.Body.Pos(), p)
	})
	if !found {
		i-- // the body before: a body begins with its brace, not a declaration
	}
	if i >= 0 && a.byBody[i].declares(v) {
		return a.byBody[i]
	}
	return nil
}

// initPieces returns the pieces a definition gives an accumulator of type t;
// complete is false when it holds something unknown.
func (a *pkgAnalysis) initPieces(rhs ast.Expr, t types.Type, ctx *fnCtx) ([]piece, bool) {
	info := a.pkg.Info
	if rhs == nil || isNil(info, rhs) {
		return nil, true
	}
	e := ast.Unparen(rhs)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		if isStringSlice(t) {
			var out []piece
			for _, el := range e.Elts {
				if _, ok := el.(*ast.KeyValueExpr); ok {
					return nil, false
				}
				out = append(out, piece{el, a.eval(el, ctx)})
			}
			return out, true
		}
		return nil, len(e.Elts) == 0
	case *ast.CallExpr:
		if isBuiltin(info, e.Fun, "new") {
			return nil, true
		}
		if isBuiltin(info, e.Fun, "make") {
			if len(e.Args) >= 2 {
				if tv := info.Types[e.Args[1]]; tv.Value != nil && constant.Sign(tv.Value) == 0 {
					return nil, true
				}
			}
			return nil, false
		}
		if fn, _ := typeutil.Callee(info, e).(*types.Func); fn != nil && isPkgFunc(fn, "bytes", "NewBufferString", "NewBuffer") && len(e.Args) == 1 {
			return []piece{{e.Args[0], a.eval(e.Args[0], ctx)}}, true
		}
	}
	if isStringSlice(t) || isBuilder(t) {
		return nil, false
	}
	return []piece{{rhs, a.eval(rhs, ctx)}}, true // []byte("Bearer "), fmt.Appendf(nil, …)
}

// addedPieces returns what fmt.Fprintf(&b, …), append(v, …) or
// fmt.Appendf(v, …) adds to v; done is false when that is not fully known.
func (a *pkgAnalysis) addedPieces(call *ast.CallExpr, v *types.Var, ctx *fnCtx) ([]piece, bool) {
	if isBuiltin(a.pkg.Info, call.Fun, "append") {
		if call.Ellipsis.IsValid() {
			if isStringSlice(v.Type()) {
				return nil, false // elements in an unknown order
			}
			x := call.Args[len(call.Args)-1]
			return []piece{{x, a.eval(x, ctx)}}, true // append(buf, s...)
		}
		var out []piece
		for _, x := range call.Args[1:] {
			out = append(out, piece{x, a.evalByte(x, ctx)})
		}
		return out, true
	}
	fn, _ := typeutil.Callee(a.pkg.Info, call).(*types.Func)
	if fn == nil || len(call.Args) == 0 {
		return nil, false
	}
	args := call.Args[1:]
	var val Value
	if fn.Name() == "Fprintf" || fn.Name() == "Appendf" {
		val = a.evalFormat(args, ctx)
	} else {
		val = a.evalSprint(args, ctx)
	}
	return []piece{{call, a.origin(val, call, KindSprintf)}}, val.Exact
}

// evalByte evaluates a value written to an accumulator: a string or
// []byte, or a constant byte or rune.
func (a *pkgAnalysis) evalByte(e ast.Expr, ctx *fnCtx) Value {
	if tv, ok := a.pkg.Info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		if r, ok := constant.Int64Val(tv.Value); ok && r >= 0 && r < 0x110000 {
			return exact(string(rune(r)))
		}
		return unknown
	}
	return a.eval(e, ctx)
}

// accValue is the value accumulator v holds just before pos: its pieces
// concatenated (joined with sep for strings.Join, when sep is not nil).
func (a *pkgAnalysis) accValue(v *types.Var, pos token.Pos, sep *Value, ctx *fnCtx) Value {
	pieces, complete, ok := a.accPieces(v, pos, ctx)
	if !ok {
		return unknown
	}
	r := exact("")
	for i, p := range pieces {
		if sep != nil && i > 0 {
			r = concat(r, *sep, nil)
		}
		r = concat(r, p.val, p.expr)
		if !r.Exact {
			if i < len(pieces)-1 || !complete {
				r.Token = nil
			}
			return r
		}
	}
	if !complete {
		return notExact(r)
	}
	return r
}

// accDeps adds to d what the pieces written to accumulator v derive from.
func (a *pkgAnalysis) accDeps(d *depSet, v *types.Var) {
	f := a.funcDeclaring(v)
	if f == nil {
		return
	}
	for _, op := range a.accOps(f)[v] {
		if op.kind != accInit && op.expr != nil {
			a.addDeps(d, f, op.expr)
		}
	}
}
