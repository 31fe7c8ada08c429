// Package analyzers assembles the bearercheck analyzers.
package analyzers

import (
	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/analyzers/bearerheader"
	"github.com/bearercheck/bearercheck/analyzers/bearerhelper"
	"github.com/bearercheck/bearercheck/analyzers/taskauth"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"golang.org/x/tools/go/analysis"
)

// Suite is a configured set of the bearercheck analyzers.
type Suite struct {
	Base         *analysis.Analyzer // bearerdetect: facts and results, no diagnostics
	BearerHeader *analysis.Analyzer
	BearerHelper *analysis.Analyzer
	TaskAuth     *analysis.Analyzer
}

// New returns the analyzers configured by opts, the run's one
// configuration. Each call returns fresh analyzers: there is no
// package-level state.
func New(opts *config.Options) *Suite {
	base := bearerdetect.New(opts)
	return &Suite{
		Base:         base,
		BearerHeader: bearerheader.New(base),
		BearerHelper: bearerhelper.New(base),
		TaskAuth:     taskauth.New(base),
	}
}

// Reporting returns the analyzers that report diagnostics, in a stable order.
func (s *Suite) Reporting() []*analysis.Analyzer {
	return []*analysis.Analyzer{s.BearerHeader, s.BearerHelper, s.TaskAuth}
}

// DirectiveOwner returns the name of the reporting analyzer that reports
// the problem of an ignore directive when every analyzer runs (see
// bearerdetect.DirectiveKind).
func DirectiveOwner(d *bearercheck.Directive) string {
	switch bearerdetect.DirectiveKind(d) {
	case bearercheck.FindingHelper:
		return bearerhelper.Name
	case bearercheck.FindingTaskCall:
		return taskauth.Name
	}
	return bearerheader.Name
}
