package fixes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"
)

// token returns the token expression of a bearer value built in one of
// the shapes a fix can replace, or nil:
//
//	"Bearer " + tok                          (any constant prefix)
//	fmt.Sprintf("Bearer %s", tok)            (also %v)
//	fmt.Sprintf("%s %s", "Bearer", tok)
//	fmt.Sprint("Bearer ", tok)
//	strings.Join([]string{"Bearer", tok}, " ")
//
// The text before the token must be exactly the Bearer scheme and white
// space, so that the provider's header value is the same credential.
func (f *Fixer) token(origin ast.Expr) ast.Expr {
	info := f.pass.TypesInfo
	switch e := ast.Unparen(origin).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil
		}
		if prefix, ok := f.constString(e.X); ok && schemeOnly(prefix) {
			if _, constTok := f.constString(e.Y); !constTok {
				return e.Y
			}
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil || e.Ellipsis.IsValid() {
			return nil
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "fmt.Sprintf":
			return f.formatToken(e.Args)
		case "fmt.Sprint":
			if len(e.Args) == 2 {
				if prefix, ok := f.constString(e.Args[0]); ok && schemeOnly(prefix) {
					return e.Args[1]
				}
			}
		case "strings.Join":
			if len(e.Args) != 2 {
				return nil
			}
			lit, ok := ast.Unparen(e.Args[0]).(*ast.CompositeLit)
			sep, sepOK := f.constString(e.Args[1])
			if !ok || !sepOK || len(lit.Elts) != 2 {
				return nil
			}
			if _, kv := lit.Elts[1].(*ast.KeyValueExpr); kv {
				return nil
			}
			if scheme, ok := f.constString(lit.Elts[0]); ok && schemeOnly(scheme+sep) {
				return lit.Elts[1]
			}
		}
	}
	return nil
}

// formatToken returns the token of fmt.Sprintf(format, args...) when the
// format, with its constant arguments substituted, is the Bearer scheme
// followed by one %s or %v verb for the last argument.
func (f *Fixer) formatToken(args []ast.Expr) ast.Expr {
	if len(args) < 2 {
		return nil
	}
	format, ok := f.constString(args[0])
	if !ok {
		return nil
	}
	args = args[1:]
	var text strings.Builder
	argi := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			text.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return nil
		}
		i++
		switch format[i] {
		case '%':
			text.WriteByte('%')
			continue
		case 's', 'v':
		default:
			return nil // flags, widths, indexes and other verbs
		}
		if argi >= len(args) {
			return nil
		}
		if s, ok := f.constString(args[argi]); ok {
			text.WriteString(s)
			argi++
			continue
		}
		// The token: it must be the last verb, the last argument and
		// the end of the format.
		if i != len(format)-1 || argi != len(args)-1 || !schemeOnly(text.String()) {
			return nil
		}
		return args[argi]
	}
	return nil
}

// constString returns the value of a constant string expression.
func (f *Fixer) constString(e ast.Expr) (string, bool) {
	tv, ok := f.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// schemeOnly reports whether s is the Bearer scheme (any case) followed
// by white space and nothing else.
func schemeOnly(s string) bool {
	const scheme = "bearer"
	if len(s) <= len(scheme) || !strings.EqualFold(s[:len(scheme)], scheme) {
		return false
	}
	rest := s[len(scheme):]
	return strings.TrimLeftFunc(rest, unicode.IsSpace) == "" && rest != ""
}
