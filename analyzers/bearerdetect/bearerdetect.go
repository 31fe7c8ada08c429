// Package bearerdetect defines the base analyzer of bearercheck: it runs the
// detection core over a package, records what it learns about functions as
// facts so that other packages see it, and returns the core's Result for the
// reporting analyzers. It reports nothing itself.
package bearerdetect

import (
	"cmp"
	"fmt"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/bearercheck/bearercheck/analyzers/internal/docs"
	"github.com/bearercheck/bearercheck/bearercheck"
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

// New returns the base analyzer, configured by opts.
func New(opts *bearercheck.Options) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Name,
		Doc:       "detect authorization sinks, bearer values and bearer-only helpers (reports nothing)",
		URL:       "https://pkg.go.dev/github.com/bearercheck/bearercheck/analyzers/bearerdetect",
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, opts) },
		FactTypes: []analysis.Fact{new(FuncFact)},
		// Facts of a package that does not type-check are partial, not
		// absent: its importers are still analysed.
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[*bearercheck.Result](),
	}
}

func run(pass *analysis.Pass, opts *bearercheck.Options) (any, error) {
	cfg, err := opts.For(packageDir(pass))
	if err != nil {
		// Not an error of this analyzer: that would fail every importer
		// with "failed prerequisites". The reporting analyzers report it,
		// once per run.
		return bearercheck.Failed(err, func() bool { return opts.FirstReport(err) }), nil
	}
	res := bearercheck.Analyze(&bearercheck.Package{
		Fset:   pass.Fset,
		Files:  pass.Files,
		Types:  pass.Pkg,
		Info:   pass.TypesInfo,
		Config: cfg,
		Imported: func(fn *types.Func) *bearercheck.FuncSummary {
			var f FuncFact
			if pass.ImportObjectFact(fn, &f) {
				return &f.FuncSummary
			}
			return nil
		},
	})
	res.TypeErrors = pass.TypeErrors
	objs := make([]*types.Func, 0, len(res.Summaries))
	for obj := range res.Summaries {
		objs = append(objs, obj)
	}
	slices.SortFunc(objs, func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, obj := range objs {
		pass.ExportObjectFact(obj, &FuncFact{*res.Summaries[obj]})
	}
	return res, nil
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

// Result returns the base analyzer's result from a reporting analyzer's
// pass, or an error naming the package when it does not type-check (for
// one of the analyzers that share the result; the others get the partial
// result). A package whose configuration is invalid has no result: one
// analyzer of the run gets the error, the others nil and nil. Reporting analyzers run only on the packages asked for, so a
// broken dependency is never an error here: its facts are partial, and its
// importers are analysed.
func Result(pass *analysis.Pass, base *analysis.Analyzer) (*bearercheck.Result, error) {
	res := pass.ResultOf[base].(*bearercheck.Result)
	if res.Err != nil {
		return nil, res.ClaimErr() // nil after the first report: skip
	}
	if errs := res.ClaimTypeErrors(); len(errs) > 0 {
		more := ""
		if len(errs) > 1 {
			more = fmt.Sprintf(" (and %d more)", len(errs)-1)
		}
		return nil, fmt.Errorf("package %s does not type-check: %v%s", pass.Pkg.Path(), errs[0], more)
	}
	return res, nil
}

// NewReporter returns a reporting analyzer: it reads base's result and
// hands it to report. doc is the analyzer's doc.go, whose "# Analyzer name"
// section becomes its Doc.
func NewReporter(base *analysis.Analyzer, name, doc string, report func(*analysis.Pass, *bearercheck.Result)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             name,
		Doc:              docs.Extract(doc, name),
		URL:              "https://pkg.go.dev/github.com/bearercheck/bearercheck/analyzers/" + name + "#hdr-Analyzer_" + name,
		Requires:         []*analysis.Analyzer{base},
		RunDespiteErrors: true,
		Run: func(pass *analysis.Pass) (any, error) {
			res, err := Result(pass, base)
			if res == nil {
				return nil, err
			}
			report(pass, res)
			return nil, nil
		},
	}
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
