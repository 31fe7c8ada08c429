package taskauth

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
const Name = "taskauth"

// Analyzer is the analyzer with the default configuration: it requires
// bearerdetect.Analyzer, whose flags configure both.
var Analyzer = New(bearerdetect.Analyzer)

// New returns the analyzer, reading the base analyzer's result: its
// options are the base's configuration (Result.Config), so that the
// analyzers of a run share one configuration with no state of their own.
func New(base *analysis.Analyzer) *analysis.Analyzer {
	return bearerdetect.NewReporter(base, Name, doc, bearercheck.FindingTaskCall, run)
}

func run(pass *analysis.Pass, res *bearercheck.Result, report func(any, analysis.Diagnostic)) {
	fx := fixes.New(pass, res)
	for _, c := range res.TaskCalls {
		name := bearerdetect.Describe(c.Callee, pass.Pkg)
		what, way, related := "bearer-only helper "+name, "pass an AuthProvider for the task", name+" only understands raw bearer tokens"
		switch r := c.Reroute; {
		case r != nil && r.Variant != nil:
			what, way, related = name, "call "+r.Variant.Name()+" with the task's provider", name+" takes a raw token"
		case r != nil && r.Provider:
			what, way, related = name, "use the task's provider when the task is present", name+" is the provider method"
		case r != nil:
			what, way, related = name, "call it through WithAuth with the task's provider", name+" sends its client's provider"
		}
		report(c, analysis.Diagnostic{
			Pos:      c.Call.Pos(),
			End:      c.Call.End(),
			Category: "ignored-task",
			Message: bearerdetect.Message(
				fmt.Sprintf("call to %s ignores agent task %s", what, c.Task.Expr),
				way, c.Generated),
			Related:        []analysis.RelatedInformation{{Pos: c.Callee.Pos(), Message: related}},
			SuggestedFixes: fx.ForTaskCall(c),
		})
	}
}
