package bearerheader

import (
	_ "embed"
	"fmt"
	"go/types"

	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/fixes"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Name is the analyzer's stable name.
const Name = "bearerheader"

// Analyzer is the analyzer with the default configuration: it requires
// bearerdetect.Analyzer, whose flags configure both.
var Analyzer = New(bearerdetect.Analyzer)

// New returns the analyzer, reading the base analyzer's result: its
// options are the base's configuration (Result.Config), so that the
// analyzers of a run share one configuration with no state of their own.
func New(base *analysis.Analyzer) *analysis.Analyzer {
	return bearerdetect.NewReporter(base, Name, doc, bearercheck.FindingSite, run)
}

func run(pass *analysis.Pass, res *bearercheck.Result, report func(any, analysis.Diagnostic)) {
	fx := fixes.New(pass, res)
	for _, s := range res.Sites {
		d := analysis.Diagnostic{
			Pos:      s.Value.Pos(),
			End:      s.Value.End(),
			Category: string(s.Kind),
			Message:  message(pass, res.Config().ProviderMethod, s),
		}
		d.SuggestedFixes = fx.For(s)
		if why := fx.NoFix(s); why != "" {
			d.Message += " (no fix: " + why + ")"
		}
		if fn := s.Val.Helper; fn != nil && s.Kind == bearercheck.KindHelper {
			d.Related = []analysis.RelatedInformation{{Pos: fn.Pos(), Message: bearerdetect.Describe(fn, pass.Pkg) + " returns a bearer value"}}
		}
		report(s, d)
	}
}

// message says what the site does and the way out.
func message(pass *analysis.Pass, method string, s *bearercheck.Site) string {
	// The function the value comes through, if one does.
	via := ""
	if fn := s.Callee; fn != nil {
		via = bearerdetect.Describe(fn, pass.Pkg)
	} else if fn := s.Val.Helper; fn != nil { // nil when several build the value
		via = bearerdetect.Describe(fn, pass.Pkg)
	}
	var what string
	switch {
	case s.Kind == bearercheck.KindHardCoded && s.Callee != nil:
		what = via + " is given a hard-coded Bearer credential (value redacted)"
	case s.Kind == bearercheck.KindHardCoded:
		what = "Authorization header hard-codes a Bearer credential (value redacted)"
	case s.Kind == bearercheck.KindAPI:
		what = via + " sets a Bearer Authorization header"
	case s.Kind == bearercheck.KindHelper && via == "":
		what = "Authorization header hard-codes the Bearer scheme through a bearer-only helper"
	case s.Kind == bearercheck.KindHelper:
		what = "Authorization header hard-codes the Bearer scheme through " + via
	case s.Kind == bearercheck.KindScheme && via == "":
		what = "Authorization header is given the Bearer scheme through a scheme-parametric function"
	case s.Kind == bearercheck.KindScheme:
		what = "Authorization header is given the Bearer scheme through " + via
	default:
		what = "Authorization header hard-codes the Bearer scheme"
	}
	if s.Task != nil {
		what += " and ignores agent task " + s.Task.Expr
	}
	var way string
	switch {
	case s.Kind == bearercheck.KindAPI && httpClientDoor(s.Callee) != "":
		way = fmt.Sprintf("give the SDK an *http.Client whose transport sets %s (%s)", providerValue(s, method), httpClientDoor(s.Callee))
	case s.Provider != nil:
		way = fmt.Sprintf("use %s.%s()", s.Provider.Expr, method)
	case s.Task != nil:
		way = fmt.Sprintf("use the %s() of an AuthProvider for %s", method, s.Task.Expr)
	case s.Kind == bearercheck.KindHardCoded:
		way = fmt.Sprintf("load the credential from an AuthProvider's %s()", method)
	default:
		way = fmt.Sprintf("use an AuthProvider's %s()", method)
	}
	return bearerdetect.Message(what, way, s.Generated)
}

// providerValue names the provider value a transport would set: the
// available provider's, or any AuthProvider's.
func providerValue(s *bearercheck.Site, method string) string {
	if s.Provider != nil {
		return s.Provider.Expr + "." + method + "()"
	}
	return "an AuthProvider's " + method + "()"
}

// httpClientDoor names the way an SDK accepts the HTTP client its requests
// go through, "" if the facts show none: the first exported function of
// its package with such a parameter that returns what the API fn returns or
// takes (a client: github.NewClient; an option: slack.OptionHTTPClient),
// else the first exported field of such a type in a configuration struct
// (openai.ClientConfig.HTTPClient), a transport's own base excluded. An HTTP
// client is an *http.Client, an http.RoundTripper, or an interface whose
// only method is Do(*http.Request).
func httpClientDoor(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	pkg := fn.Pkg()
	scope := pkg.Scope()
	ends := apiTypes(fn.Signature())
	for _, name := range scope.Names() {
		f, ok := scope.Lookup(name).(*types.Func)
		if !ok || !f.Exported() || !anyIdentical(apiTypes(f.Signature()), ends) {
			continue
		}
		params := f.Signature().Params()
		for i := 0; i < params.Len(); i++ {
			if isHTTPClient(params.At(i).Type()) {
				return pkg.Name() + "." + name
			}
		}
	}
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				fld := st.Field(i)
				if it, ok := fld.Type().Underlying().(*types.Interface); ok && types.Implements(types.NewPointer(tn.Type()), it) {
					continue // a transport's base: beneath the SDK's own header
				}
				if fld.Exported() && isHTTPClient(fld.Type()) {
					return pkg.Name() + "." + name + "." + fld.Name()
				}
			}
		}
	}
	return ""
}

// apiTypes returns the named and function types (pointers stripped) of a signature's
// receiver, parameters (variadic elements included) and results.
func apiTypes(sig *types.Signature) []types.Type {
	var out []types.Type
	add := func(t types.Type) {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if s, ok := t.(*types.Slice); ok && sig.Variadic() {
			t = s.Elem()
		}
		switch t.Underlying().(type) {
		case *types.Signature: // an option: func(*Client)
			out = append(out, t.Underlying())
		default:
			if _, ok := types.Unalias(t).(*types.Named); ok {
				out = append(out, t)
			}
		}
	}
	if r := sig.Recv(); r != nil {
		add(r.Type())
	}
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := 0; i < tup.Len(); i++ {
			add(tup.At(i).Type())
		}
	}
	return out
}

// anyIdentical reports whether a result of a door (its last types) is one
// of the API's types.
func anyIdentical(door, api []types.Type) bool {
	for _, t := range door {
		for _, u := range api {
			if types.Identical(t, u) && !isNetHTTP(t, "Client") && !isNetHTTP(t, "Request") {
				return true
			}
		}
	}
	return false
}

func isHTTPClient(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		return isNetHTTP(p.Elem(), "Client")
	}
	if isNetHTTP(t, "RoundTripper") {
		return true
	}
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.NumMethods() != 1 || it.Method(0).Name() != "Do" {
		return false
	}
	params := it.Method(0).Signature().Params()
	if params.Len() != 1 {
		return false
	}
	p, ok := params.At(0).Type().(*types.Pointer)
	return ok && isNetHTTP(p.Elem(), "Request")
}

func isNetHTTP(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == name
}
