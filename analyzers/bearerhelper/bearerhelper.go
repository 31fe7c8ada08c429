package bearerhelper

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/fixes"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Name is the analyzer's stable name.
const Name = "bearerhelper"

// Analyzer is the analyzer with the default configuration: it requires
// bearerdetect.Analyzer, whose flags configure both.
var Analyzer = New(bearerdetect.Analyzer)

// New returns the analyzer, reading the base analyzer's result: its
// options are the base's configuration (Result.Config), so that the
// analyzers of a run share one configuration with no state of their own.
func New(base *analysis.Analyzer) *analysis.Analyzer {
	return bearerdetect.NewReporter(base, Name, doc, bearercheck.FindingHelper, run)
}

func run(pass *analysis.Pass, res *bearercheck.Result, report func(any, analysis.Diagnostic)) {
	fx := fixes.New(pass, res)
	for _, h := range res.Helpers {
		if !h.Summary.Root {
			continue // bearer-only only through another helper
		}
		noFix := ""
		if why := fx.NoFixHelper(h); why != "" && !h.Generated {
			noFix = " (no fix: " + why + ")"
		}
		what := "is a bearer-only helper: it sends"
		if h.Summary.OtherSchemes {
			// It chooses between schemes: not bearer-only, but the Bearer
			// branch is still to migrate.
			what = "hard-codes the Bearer scheme for one of its auth types: it sends"
		}
		report(h, analysis.Diagnostic{
			Pos:      h.Decl.Name.Pos(),
			End:      h.Decl.Name.End(),
			Category: "root-helper",
			Message: bearerdetect.Message(
				fmt.Sprintf("%s %s %s as a Bearer token", bearerdetect.Describe(h.Obj, pass.Pkg), what, source(h)),
				fmt.Sprintf("accept an AuthProvider and use its %s()", res.Config().ProviderMethod),
				h.Generated) + noFix,
			SuggestedFixes: fx.ForHelper(h),
		})
	}
}

// source names where a helper's token comes from: "parameter token",
// "field c.token", "the result of id.GetToken".
func source(h *bearercheck.Helper) string {
	var parts []string
	for _, n := range h.Summary.Helper.Names {
		if n == "" {
			continue // reaches the token only through a call named below
		}
		if strings.Contains(n, ".") {
			parts = append(parts, "field "+n) // of a parameter
		} else {
			parts = append(parts, "parameter "+n)
		}
	}
	if h.Summary.Helper.Recv {
		recv := "receiver"
		if r := h.Obj.Signature().Recv(); r != nil && r.Name() != "" && r.Name() != "_" {
			recv = r.Name()
		}
		if len(h.Summary.Helper.Fields) == 0 && len(h.Summary.Helper.Calls) == 0 {
			parts = append(parts, "its receiver")
		}
		for _, f := range h.Summary.Helper.Fields {
			parts = append(parts, "field "+recv+"."+f)
		}
	}
	for _, c := range h.Summary.Helper.Calls {
		parts = append(parts, "the result of "+c)
	}
	return strings.Join(parts, " and ")
}

// TransitiveMessage describes a helper that is bearer-only only through
// another helper, named name: it is not reported (the root is), but the
// inventory lists it.
func TransitiveMessage(name string, h *bearercheck.Helper) string {
	return name + " is bearer-only through another helper: it passes " + source(h) + " on as a Bearer token"
}

// TokenSource names where a helper's token comes from, as the diagnostic
// does: "parameter token", "field c.token".
func TokenSource(h *bearercheck.Helper) string { return source(h) }
