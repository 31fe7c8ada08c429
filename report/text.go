package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/bearercheck/bearercheck/internal/escape"
)

// writeText writes the inventory for a terminal: remaining sites grouped
// by package and file, each with its function, endpoints and the offered
// fix; then the bearer-only helpers with their callers, the calls that
// ignore an agent task, the ignored sites, the gate, and last the
// headline, where a terminal leaves it in view.
func writeText(w io.Writer, inv *Inventory) error {
	var b bytes.Buffer
	t := &text{b: &b}
	s := inv.Summary
	if r := inv.Run; r != nil && *r != (Run{}) {
		t.printf("%s\n\n", runLine(r, func(s string) string { return s }))
	}

	if s.Remaining > 0 {
		t.printf("Remaining sites (%d):\n", s.Remaining)
		for _, p := range inv.Packages {
			if len(p.Sites) == 0 {
				continue
			}
			t.printf("\n%s: %s\n", p.Path, p.Summary.Headline())
			file := ""
			for _, site := range p.Sites {
				if site.File != file {
					file = site.File
					t.printf("  %s\n", file)
				}
				t.printf("    %d:%d  %s  %s%s\n", site.Line, site.Column, functionOrPackage(site.Function), kindWords(site.Kind), endpoints(site.Endpoints))
				t.printf("        %s\n", site.Message)
				if fix := fixWords(site); fix != "" {
					t.printf("        fix: %s\n", oneLine(fix))
				}
			}
		}
		t.printf("\n")
	}
	if len(inv.Helpers) > 0 {
		t.printf("Bearer-only helpers (%d):\n", len(inv.Helpers))
		for _, h := range inv.Helpers {
			kind := "transitive"
			if h.Root {
				kind = "root"
			}
			t.printf("  %s:%d:%d  %s.%s  (%s; token: %s)%s\n", h.File, h.Line, h.Column, lastElem(h.Package), h.Function, kind, h.Token, endpoints(h.Endpoints))
			if h.FixAction != "" {
				t.printf("      fix: %s\n", oneLine(h.FixAction))
			}
			for _, c := range h.Callers {
				t.printf("      called by %s:%d:%d  %s.%s%s\n", c.File, c.Line, c.Column, lastElem(c.Package), functionOrPackage(c.Function), endpoints(c.Endpoints))
			}
		}
		t.printf("\n")
	}
	if len(inv.TaskCalls) > 0 {
		t.printf("Calls that ignore an agent task (%d):\n", len(inv.TaskCalls))
		for _, c := range inv.TaskCalls {
			t.printf("  %s:%d:%d  %s.%s calls %s, ignoring %s%s\n", c.File, c.Line, c.Column, lastElem(c.Package), c.Function, c.Callee, c.Task, endpoints(c.Endpoints))
			if c.FixAction != "" {
				t.printf("      fix: %s\n", oneLine(c.FixAction))
			}
		}
		t.printf("\n")
	}
	if len(inv.Wrappers) > 0 {
		t.printf("Compatibility wrappers, not sites (%d):\n", len(inv.Wrappers))
		for _, w := range inv.Wrappers {
			t.printf("  %s:%d:%d  %s.%s calls %s\n", w.File, w.Line, w.Column, lastElem(w.Package), w.Function, w.Calls)
		}
		t.printf("\n")
	}
	if s.Ignored > 0 {
		t.printf("Ignored sites (%d):\n", s.Ignored)
		for _, p := range inv.Packages {
			for _, site := range p.Ignored {
				t.printf("  %s:%d:%d  %s.%s  %s%s\n      reason: %s\n", site.File, site.Line, site.Column, lastElem(site.Package), functionOrPackage(site.Function), kindWords(site.Kind), endpoints(site.Endpoints), site.Reason)
			}
		}
		t.printf("\n")
	}
	if g := inv.Gate; g != nil {
		t.gate(g)
	}
	t.printf("%s", s.Headline())
	var extra []string
	if s.Generated > 0 {
		extra = append(extra, fmt.Sprintf("%d remaining in generated code", s.Generated))
	}
	if s.Ignored > 0 {
		extra = append(extra, fmt.Sprintf("%d ignored", s.Ignored))
	}
	if s.Wrappers > 0 {
		extra = append(extra, plural(s.Wrappers, "compatibility wrapper", "compatibility wrappers"))
	}
	if len(extra) > 0 {
		t.printf("; %s", strings.Join(extra, ", "))
	}
	t.printf("\n")
	if c := inv.Change(); c != nil {
		t.printf("%s\n", c)
	}
	_, err := w.Write(b.Bytes())
	return err
}

type text struct{ b *bytes.Buffer }

// printf prints args in format; every string argument is text taken from
// source or from a baseline (the format is the only text of our own), and
// is printed with its control characters and line breaks escaped.
func (t *text) printf(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = escape.String(s)
		}
	}
	fmt.Fprintf(t.b, format, args...)
}

func (t *text) gate(g *Gate) {
	if g.Baseline != "" {
		t.printf("Baseline %s: %s, %s.\n", g.Baseline,
			plural(len(g.New), "new site or task call", "new sites or task calls"),
			plural(len(g.Gone), "entry gone", "entries gone"))
		for _, e := range g.NewEntries {
			t.printf("  new: %s\n", gateEntryText(e))
		}
		for _, e := range g.Gone {
			t.printf("  gone: %s:%d  %s.%s  %s  (%s)\n", e.File, e.Line, lastElem(e.Package), functionOrPackage(e.Function), kindWords(e.Kind), e.Fingerprint)
		}
		if len(g.Gone) > 0 && g.Passed {
			t.printf("  (add -write-baseline %s to tighten the baseline)\n", g.Baseline)
		}
	}
	t.outcome(g)
}

// outcome prints whether the gate passed, or each reason it failed.
func (t *text) outcome(g *Gate) {
	if g.Passed {
		t.printf("Gate passed.\n")
	} else {
		for _, f := range g.Failures {
			t.printf("Gate failed: %s\n", f)
		}
	}
}

// WriteSummary writes what a CI log needs when the report itself goes to
// a file: the headline, then, with a gate, each site and task call not in
// the baseline and whether the gate passed.
func WriteSummary(w io.Writer, inv *Inventory) error {
	var b bytes.Buffer
	t := &text{b: &b}
	t.printf("%s\n", inv.Summary.Headline())
	if g := inv.Gate; g != nil {
		for _, e := range g.NewEntries {
			t.printf("  not in the baseline: %s\n", gateEntryText(e))
		}
		t.outcome(g)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// gateEntryText is a site or task call not in the baseline, on one line:
// file:line:col  package.function  kind  endpoints.
func gateEntryText(e GateEntry) string {
	return fmt.Sprintf("%s:%d:%d  %s.%s  %s%s", e.File, e.Line, e.Column, lastElem(e.Package), functionOrPackage(e.Function), kindWords(e.Kind), endpoints(e.Endpoints))
}

// endpoints lists endpoints after a two-space gap, or nothing.
func endpoints(ends []string) string {
	if len(ends) == 0 {
		return ""
	}
	return "  " + strings.Join(ends, " ")
}

func functionOrPackage(fn string) string {
	if fn == "" {
		return "(package level)"
	}
	return fn
}

// lastElem is the last element of an import path: how Go code names the package.
func lastElem(path string) string { return path[strings.LastIndex(path, "/")+1:] }
