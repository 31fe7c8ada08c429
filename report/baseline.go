package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline is the file that -write-baseline writes and -baseline reads:
// the fingerprints of the remaining sites and task calls, each with what
// it was (never a value expression: nothing secret), sorted.
type Baseline struct {
	Version int             `json:"version"`
	Tool    Tool            `json:"tool"`
	Entries []BaselineEntry `json:"entries"`
}

// NewBaseline returns the baseline of an inventory.
func NewBaseline(inv *Inventory) *Baseline {
	b := &Baseline{Version: BaselineVersion, Tool: inv.Tool, Entries: []BaselineEntry{}}
	for _, e := range gateEntries(inv) {
		b.Entries = append(b.Entries, BaselineEntry{Fingerprint: e.Fingerprint, Package: e.Package, Function: e.Function, Kind: e.Kind, File: e.File, Line: e.Line})
	}
	return b
}

// gateEntries returns what the baseline holds of an inventory, the
// remaining sites and the task calls, sorted by package, file, line and
// fingerprint.
func gateEntries(inv *Inventory) []GateEntry {
	var es []GateEntry
	for _, p := range inv.Packages {
		for _, s := range p.Sites {
			es = append(es, GateEntry{Fingerprint: s.Fingerprint, Package: s.Package, Function: s.Function, Kind: s.Kind, File: s.File, Line: s.Line, Column: s.Column, Endpoints: list(s.Endpoints)})
		}
	}
	for _, t := range inv.TaskCalls {
		es = append(es, GateEntry{Fingerprint: t.Fingerprint, Package: t.Package, Function: t.Function, Kind: "ignored-task", File: t.File, Line: t.Line, Column: t.Column, Endpoints: list(t.Endpoints)})
	}
	slices.SortFunc(es, func(x, y GateEntry) int {
		return cmp.Or(cmp.Compare(x.Package, y.Package), cmp.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	return es
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// ReadBaseline reads a baseline file's contents.
func ReadBaseline(r io.Reader) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a bearercheck baseline: %v", err)
	}
	// One object and nothing after it but white space: a second object
	// or merge-conflict markers mean the file is not what was written.
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("not a bearercheck baseline: data after the baseline object at offset %d", dec.InputOffset())
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("baseline version %d is not supported (want %d)", b.Version, BaselineVersion)
	}
	for i, e := range b.Entries {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline entry %d has no fingerprint", i+1)
		}
	}
	return &b, nil
}

// GateConfig is what the CI gate checks.
type GateConfig struct {
	Baseline     *Baseline // nil: no baseline check
	BaselineFile string
	// RequireComplete fails the gate while any site or task call remains.
	RequireComplete bool
	// MinComplete fails the gate below this percentage (nil: no minimum).
	MinComplete *float64
}

// Enabled reports whether any gate flag was given.
func (c GateConfig) Enabled() bool {
	return c.Baseline != nil || c.RequireComplete || c.MinComplete != nil
}

// Check runs the gate on an inventory and records the outcome in inv.Gate.
func Check(inv *Inventory, c GateConfig) *Gate {
	g := &Gate{
		Passed:          true,
		Failures:        []string{},
		New:             []string{},
		NewEntries:      []GateEntry{},
		Gone:            []BaselineEntry{},
		Baseline:        c.BaselineFile,
		RequireComplete: c.RequireComplete,
		MinComplete:     c.MinComplete,
	}
	if c.Baseline != nil {
		known := map[string]bool{}
		for _, e := range c.Baseline.Entries {
			known[e.Fingerprint] = true
		}
		now := map[string]bool{}
		for _, e := range gateEntries(inv) {
			now[e.Fingerprint] = true
			if !known[e.Fingerprint] {
				g.New = append(g.New, e.Fingerprint)
				g.NewEntries = append(g.NewEntries, e)
			}
		}
		for _, e := range c.Baseline.Entries {
			if !now[e.Fingerprint] {
				g.Gone = append(g.Gone, e)
			}
		}
		if n := len(g.New); n > 0 {
			g.Failures = append(g.Failures, fmt.Sprintf("%s not in the baseline %s", plural(n, "site or task call", "sites or task calls"), c.BaselineFile))
		}
	}
	s := inv.Summary
	if c.RequireComplete && (s.Remaining > 0 || s.TaskCalls > 0) {
		g.Failures = append(g.Failures, fmt.Sprintf("migration incomplete: %s and %s remain (-require-complete)",
			plural(s.Remaining, "site", "sites"), plural(s.TaskCalls, "task call", "task calls")))
	}
	if c.MinComplete != nil && s.Percent < *c.MinComplete {
		g.Failures = append(g.Failures, fmt.Sprintf("migration %.1f%% complete, below the minimum %g%% (-min-complete)", s.Percent, *c.MinComplete))
	}
	g.Passed = len(g.Failures) == 0
	inv.Gate = g
	return g
}
