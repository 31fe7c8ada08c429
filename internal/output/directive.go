package output

import (
	"slices"

	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
)

// DirectiveReporter returns the analyzer that reports the problem of an
// ignore directive (one without a reason, or one that suppresses nothing)
// when the analyzers in enabled are enabled: owner, the analyzer that
// reports it when all run (analyzers.DirectiveOwner), if it is enabled,
// else the first enabled analyzer. Each problem is reported exactly once
// whichever analyzers are enabled.
//
// As with staticcheck's unmatched //lint:ignore, this is decided in the
// output layer, after all checks ran: the core and the analyzers find the
// same problems whatever is enabled, and nothing cached depends on it.
func DirectiveReporter(owner string, enabled []string) string {
	if len(enabled) == 0 || slices.Contains(enabled, owner) {
		return owner
	}
	return enabled[0]
}

// Select returns the findings of the analyzers in enabled, from a run of
// every reporting analyzer: a directive problem found by an analyzer that
// is not enabled is listed under DirectiveReporter's choice.
func Select(findings []*Finding, enabled []string) []*Finding {
	var out []*Finding
	for _, f := range findings {
		if !slices.Contains(enabled, f.Analyzer) {
			if f.Category != bearerdetect.DirectiveCategory {
				continue
			}
			g := *f
			g.Analyzer = DirectiveReporter(f.Analyzer, enabled)
			f = &g
		}
		out = append(out, f)
	}
	Sort(out)
	return out
}
