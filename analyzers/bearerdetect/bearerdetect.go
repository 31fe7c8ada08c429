// Package bearerdetect defines the base analyzer of bearercheck: it runs the
// detection core over a package, records what it learns about functions as
// facts so that other packages see it, and returns the core's Result for the
// reporting analyzers. It reports nothing itself.
package bearerdetect

import (
	"cmp"
	"go/types"
	"maps"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/bearercheck/bearercheck/analyzers/internal/docs"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"golang.org/x/tools/go/analysis"
)

// Name is the base analyzer's name.
const Name = "bearerdetect"

// FuncFact is the fact recorded for a function: its summary.
type FuncFact struct {
	bearercheck.FuncSummary
}

// AFact marks FuncFact as an analysis fact.
func (*FuncFact) AFact() {}

func (f *FuncFact) String() string { return f.FuncSummary.String() }

// FieldFact is the fact recorded for an exported field all of whose
// assignments in its package give it a bearer value.
type FieldFact struct {
	bearercheck.ResultSummary
}

// AFact marks FieldFact as an analysis fact.
func (*FieldFact) AFact() {}

func (f *FieldFact) String() string { return "bearerField" }

// Analyzer is the base analyzer with the default configuration, changed
// only by its own flags: every configuration key is a flag
// (-provider-method, -allow, …), and -config FILE reads a configuration
// file. It does not look for .bearercheck.yml above each package, so that
// what it reports depends only on its inputs and flags (as Bazel's nogo
// requires).
//
// The reporting analyzers' exported Analyzer variables require it and read
// its configuration from its result: configure them through its flags
// (-bearerdetect.KEY under go vet, multichecker and nogo's analyzer_flags;
// list bearerdetect among the analyzers so that its flags are accepted).
var Analyzer = func() *analysis.Analyzer {
	opts := config.NewFlagOptions()
	opts.NoWalk = true
	a := New(opts)
	opts.RegisterFlags(&a.Flags)
	return a
}()

// New returns the base analyzer, configured by opts, the run's one
// configuration (with no flags of its own: the command, the golangci-lint
// plugin and tests configure opts; Analyzer binds it to its flags).
func New(opts *config.Options) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Name,
		Doc:       "detect authorization sinks, bearer values and bearer-only helpers (reports nothing)",
		URL:       docs.URL(Name),
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, opts) },
		FactTypes: []analysis.Fact{new(FuncFact), new(FieldFact)},
		// Facts of a package that does not type-check are partial, not
		// absent: its importers are still analysed. The driver reports
		// the type errors; the analyzers never do.
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[*bearercheck.Result](),
	}
}

func run(pass *analysis.Pass, opts *config.Options) (any, error) {
	// Drivers validate the configuration before analysis (Options.Check),
	// so this fails only under a driver that does not.
	cfg, err := opts.For(packageDir(pass))
	if err != nil {
		return nil, err
	}
	res := bearercheck.Analyze(&bearercheck.Package{
		Fset:   pass.Fset,
		Files:  pass.Files,
		Types:  pass.Pkg,
		Info:   pass.TypesInfo,
		Config: cfg,
		Module: modulePath(pass),
		Imported: func(fn *types.Func) *bearercheck.FuncSummary {
			var f FuncFact
			if pass.ImportObjectFact(fn, &f) {
				return &f.FuncSummary
			}
			return nil
		},
		ImportedField: func(v *types.Var) *bearercheck.ResultSummary {
			var f FieldFact
			if pass.ImportObjectFact(v, &f) {
				return &f.ResultSummary
			}
			return nil
		},
	})
	if res.MigrationErr != nil {
		return nil, res.MigrationErr
	}
	// Facts are written to disk by drivers (go vet's build cache): the
	// credentials summaries know are scrubbed from them.
	exportFacts(pass, res.Summaries, func(s *bearercheck.FuncSummary) analysis.Fact { return &FuncFact{s.Scrubbed()} })
	exportFacts(pass, res.Fields, func(s *bearercheck.ResultSummary) analysis.Fact { return &FieldFact{s.Scrubbed()} })
	return res, nil
}

// exportFacts exports the fact of each object of m, in source order.
func exportFacts[O interface {
	types.Object
	comparable
}, S any](pass *analysis.Pass, m map[O]*S, fact func(*S) analysis.Fact) {
	objs := slices.SortedFunc(maps.Keys(m), func(a, b O) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, obj := range objs {
		pass.ExportObjectFact(obj, fact(m[obj]))
	}
}

// modulePath returns the path of the package's module, "" if unknown.
func modulePath(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// packageDir returns the directory of the package's first Go file.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil {
			return filepath.Dir(tf.Name())
		}
	}
	return ""
}

// Reported is a reporting analyzer's result: the diagnostic it reported
// for each finding of the base's result, by the finding (a
// *bearercheck.Site, *bearercheck.Helper or *bearercheck.TaskCall). The
// inventory (internal/inventory) takes its messages and fixes from here,
// by identity, never by matching positions.
type Reported map[any]Diagnostic

// Diagnostic is a diagnostic and the analyzer that reported it.
type Diagnostic struct {
	Analyzer string
	analysis.Diagnostic
}

// NewReporter returns a reporting analyzer: it reads base's result and
// hands it to report, which reports each finding's diagnostic through
// its third argument. doc is the analyzer's doc.go, whose "# Analyzer
// name" section becomes its Doc. kind is the kind of finding it reports:
// it also reports the problems of the ignore directives whose
// DirectiveKind is kind, so that with every analyzer enabled (nogo,
// golangci-lint) each is reported once. Which analyzer reports a problem
// when some are disabled is the output layer's choice
// (internal/output.DirectiveReporter).
func NewReporter(base *analysis.Analyzer, name, doc string, kind bearercheck.Finding, report func(*analysis.Pass, *bearercheck.Result, func(finding any, d analysis.Diagnostic))) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      docs.Extract(doc, name),
		URL:      docs.URL(name),
		Requires: []*analysis.Analyzer{base},
		// Findings of a package that does not type-check are reported
		// too; the driver reports its type errors.
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[Reported](),
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[base].(*bearercheck.Result)
			reported := Reported{}
			report(pass, res, func(finding any, d analysis.Diagnostic) {
				reported[finding] = Diagnostic{name, d}
				pass.Report(d)
			})
			for _, d := range res.Directives {
				if DirectiveKind(d) == kind {
					ReportDirective(pass, d)
				}
			}
			return reported, nil
		},
	}
}

// DirectiveKind is the kind of finding whose analyzer reports a directive
// problem: the first, in the fixed order site, helper, task call, of the
// kinds the directive covers, or site when it covers none. It depends only
// on the source.
func DirectiveKind(d *bearercheck.Directive) bearercheck.Finding {
	for k := bearercheck.FindingSite; k <= bearercheck.FindingTaskCall; k <<= 1 {
		if d.Covers&k != 0 {
			return k
		}
	}
	return bearercheck.FindingSite
}

// DirectiveCategory is the category of the diagnostics about ignore
// directives.
const DirectiveCategory = "ignore-directive"

// ReportDirective reports the problem of an ignore directive.
func ReportDirective(pass *analysis.Pass, d *bearercheck.Directive) {
	msg := "bearercheck:ignore directive needs a reason"
	if d.Problem == "unused" {
		msg = "bearercheck:ignore directive suppresses nothing; remove it"
	}
	pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: DirectiveCategory, Message: msg})
}

// Describe names a function for messages: F, pkg.F, T.M or pkg.T.M
// (qualified when it belongs to another package than from).
func Describe(fn *types.Func, from *types.Package) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// Message joins what a diagnostic found and the way out. In a generated
// file the way out is to change the generator: the message says so, and no
// fix is offered.
func Message(what, way string, generated bool) string {
	if generated {
		return what + " in a generated file; change its generator or template to " + way
	}
	return what + "; " + way
}
