// Package noop is the baseline of bearercheck's performance bar: an
// analyzer that declares a fact type (so the driver loads every package
// from source, as it does for bearercheck) and does nothing.
package noop

import (
	"golang.org/x/tools/go/analysis"
)

type fact struct{}

func (*fact) AFact() {}

// Analyzer does nothing, driven the way bearercheck is.
var Analyzer = &analysis.Analyzer{
	Name:             "noop",
	Doc:              "noop: do nothing (a performance baseline)",
	FactTypes:        []analysis.Fact{new(fact)},
	RunDespiteErrors: true,
	Run:              func(*analysis.Pass) (any, error) { return nil, nil },
}
