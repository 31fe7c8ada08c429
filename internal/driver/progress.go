package driver

import (
	"reflect"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
)

// progressAnalyzer counts the packages analysed: it runs on every package
// (declaring a fact type makes the checker run it on dependencies too)
// after the base analyzer, and reports nothing.
func progressAnalyzer(cfg Config, total int) *analysis.Analyzer {
	var done atomic.Int64
	a := &analysis.Analyzer{
		Name:             "progress",
		Doc:              "counts analysed packages (reports nothing)",
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(noFact)},
		ResultType:       reflect.TypeFor[struct{}](),
		Run: func(*analysis.Pass) (any, error) {
			cfg.Progress(Progress{Loaded: true, Analysed: int(done.Add(1)), Total: total})
			return struct{}{}, nil
		},
	}
	if cfg.Base != nil {
		a.Requires = []*analysis.Analyzer{cfg.Base}
	}
	return a
}

// noFact is never exported: it only makes the progress analyzer run on
// every package.
type noFact struct{}

func (*noFact) AFact() {}
