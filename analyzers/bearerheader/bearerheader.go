package bearerheader

import (
	_ "embed"
	"fmt"

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
