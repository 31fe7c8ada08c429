package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bearercheck/bearercheck/internal/escape"
)

// writeMarkdown writes the inventory as a pull-request comment (GitHub
// flavoured markdown): the headline and gate result first, then the
// remaining sites grouped by package, file and endpoint, the bearer-only
// helpers with their callers, the calls that ignore an agent task, and the
// migrated and ignored sites. Every piece of text from the analysed code is
// escaped: code spans for code, backslash escapes for prose.
func writeMarkdown(w io.Writer, inv *Inventory) error {
	var b bytes.Buffer
	md := &markdown{b: &b, inv: inv, isNew: newSet(inv.Gate)}
	md.headline()
	md.packages()
	md.remaining()
	md.helpers()
	md.taskCalls()
	md.migrated()
	md.ignored()
	md.gate()
	_, err := w.Write(b.Bytes())
	return err
}

type markdown struct {
	b     *bytes.Buffer
	inv   *Inventory
	isNew map[string]bool // fingerprints not in the baseline
}

func (md *markdown) printf(format string, args ...any) { fmt.Fprintf(md.b, format, args...) }

// newSet returns the fingerprints the gate found new, nil without a gate.
func newSet(g *Gate) map[string]bool {
	if g == nil {
		return nil
	}
	set := make(map[string]bool, len(g.New))
	for _, fp := range g.New {
		set[fp] = true
	}
	return set
}

func (md *markdown) headline() {
	s := md.inv.Summary
	md.printf("## bearercheck: %s\n\n", s.Headline())
	if r := md.inv.Run; r != nil && *r != (Run{}) {
		md.printf("%s\n\n", runLine(r, mdCode))
	}
	if c := md.inv.Change(); c != nil {
		md.printf("**Trend:** %s\n\n", mdText(c.String()))
	}
	if g := md.inv.Gate; g != nil {
		if g.Passed {
			md.printf("**Gate passed.**")
		} else {
			md.printf("**Gate failed:** %s", sentence(mdText(strings.Join(g.Failures, "; "))))
		}
		if g.Baseline != "" {
			md.printf(" Compared with %s: %s, %s.", mdCode(g.Baseline),
				plural(len(g.New), "new site", "new sites"), plural(len(g.Gone), "baseline entry gone", "baseline entries gone"))
		}
		md.printf("\n\n")
		md.newEntries(g)
	}
	remaining := plural(s.Remaining, "remaining site", "remaining sites")
	if s.Generated > 0 {
		remaining += fmt.Sprintf(" (%d in generated code)", s.Generated)
	}
	md.printf("%s · %d migrated · %d ignored · %s · %s", remaining, s.Migrated, s.Ignored,
		plural(s.Helpers, "bearer-only helper", "bearer-only helpers"),
		plural(s.TaskCalls, "call ignoring an agent task", "calls ignoring an agent task"))
	if s.Wrappers > 0 {
		md.printf(" · %s", plural(s.Wrappers, "compatibility wrapper", "compatibility wrappers"))
	}
	md.printf("\n\n")
}

// newEntries lists the sites and task calls not in the baseline, right
// under the headline: before anything the size limit may cut.
func (md *markdown) newEntries(g *Gate) {
	if len(g.NewEntries) == 0 {
		return
	}
	md.printf("| not in the baseline | function | kind | endpoints |\n|---|---|---|---|\n")
	for _, e := range g.NewEntries {
		md.printf("| %s | %s | %s | %s |\n", mdCell(fmt.Sprintf("%s:%d", e.File, e.Line)), mdCellFunction(e.Function), mdText(kindWords(e.Kind)), mdCellEndpoints(e.Endpoints))
	}
	md.printf("\n")
}

// packages writes the per-package progress table.
func (md *markdown) packages() {
	if len(md.inv.Packages) == 0 {
		return
	}
	md.printf("| package | migrated | remaining | ignored | complete |\n|---|--:|--:|--:|--:|\n")
	for i, p := range md.inv.Packages {
		if md.full() {
			md.printf("\n")
			md.omitted(len(md.inv.Packages)-i, "package", "packages")
			return
		}
		s := p.Summary
		md.printf("| %s | %d | %d | %d | %s%% |\n", mdCell(p.Path), s.Migrated, s.Remaining, s.Ignored, formatPercent(s.Percent))
	}
	md.printf("\n")
}

// remaining writes the remaining sites: package → file → endpoint → site.
func (md *markdown) remaining() {
	md.printf("### Remaining sites (%d)\n\n", md.inv.Summary.Remaining)
	if md.inv.Summary.Remaining == 0 {
		if md.inv.Summary.Migrated == 0 {
			md.printf("None: no authorization site was found.\n\n")
		} else {
			md.printf("None: every authorization site is migrated.\n\n")
		}
		return
	}
	// The sites in the order they are listed, each under the package,
	// file and endpoints it shares with the previous one, if any.
	var sites []Site
	for _, p := range md.inv.Packages {
		for _, file := range groupBy(p.Sites, func(s Site) string { return s.File }) {
			for _, ep := range groupBy(file.items, func(s Site) string { return strings.Join(s.Endpoints, "\x00") }) {
				sites = append(sites, ep.items...)
			}
		}
	}
	// Past the size cut, only the sites new since the baseline are
	// listed: the gate fails on them, so they are always shown.
	var prev *Site
	omitted := 0
	for i, s := range sites {
		if md.full() && !md.isNew[s.Fingerprint] {
			omitted++
			continue
		}
		if prev == nil || s.Package != prev.Package {
			if prev != nil {
				md.printf("\n")
			}
			md.printf("#### %s\n\n", mdCode(s.Package))
		}
		if prev == nil || s.Package != prev.Package || s.File != prev.File {
			md.printf("- **%s**\n", mdCode(s.File))
		}
		if prev == nil || s.Package != prev.Package || s.File != prev.File || !slices.Equal(s.Endpoints, prev.Endpoints) {
			md.printf("  - %s\n", mdEndpoints(s.Endpoints))
		}
		md.printf("    - %s\n", md.site(s))
		prev = &sites[i]
	}
	md.printf("\n")
	if omitted > 0 {
		md.omitted(omitted, "site", "sites")
	}
}

// mdBudget is how much of the comment the lists may fill: GitHub rejects
// a comment of more than 65,536 characters, and the headings and notes
// after the lists need room too.
const mdBudget = 56 << 10

// full reports whether the lists have filled the budget: each list stops
// there and says how much it left out.
func (md *markdown) full() bool { return md.b.Len() >= mdBudget }

// omitted notes that n entries of a list were left out.
func (md *markdown) omitted(n int, one, many string) {
	md.printf("_%s not shown, to keep this comment under GitHub's size limit; `-format html` or `-format json` lists everything._\n\n",
		plural(n, "more "+one, "more "+many))
}

// mdFixWords says what a site's fix does, the replacement as code.
func mdFixWords(s Site) string {
	words := fixWords(s)
	if s.Fix != "" {
		if before, ok := strings.CutSuffix(words, s.Fix); ok {
			return mdText(before) + mdCode(s.Fix)
		}
	}
	return mdText(words)
}

// site describes a remaining site on one line.
func (md *markdown) site(s Site) string {
	kind := mdText(kindWords(s.Kind))
	if isCredential(s.Kind) {
		kind = "**" + kind + "**"
	}
	parts := []string{mdCode(position(s.File, s.Line)) + " " + mdFunction(s.Function), kind}
	if s.FixAction != "" || s.Fix != "" {
		parts = append(parts, "fix: "+mdFixWords(s))
	} else if s.Generated {
		parts = append(parts, "generated: change the generator")
	}
	if s.Task != "" {
		parts = append(parts, "agent task "+mdCode(s.Task)+" available")
	}
	line := strings.Join(parts, " · ")
	if md.isNew[s.Fingerprint] {
		line += " · **new**"
	}
	return line
}

func (md *markdown) helpers() {
	hs := md.inv.Helpers
	if len(hs) == 0 {
		return
	}
	md.printf("### Bearer-only helpers (%d)\n\n", len(hs))
	md.printf("Each takes a raw bearer token; it must accept an AuthProvider instead, and its callers pass one.\n\n")
	for i, h := range hs {
		if md.full() {
			md.printf("\n")
			md.omitted(len(hs)-i, "helper", "helpers")
			return
		}
		how := "passes its token to another helper"
		if h.Root {
			how = "builds the header itself"
		}
		md.printf("- %s %s · %s · token: %s\n", mdCode(position(h.File, h.Line)), mdFunction(h.Function), how, mdText(h.Token))
		if len(h.Endpoints) > 0 {
			md.printf("  - endpoints: %s\n", mdEndpoints(h.Endpoints))
		}
		if len(h.Callers) == 0 {
			md.printf("  - no callers in the analysed packages\n")
			continue
		}
		md.printf("  - %s:\n", plural(len(h.Callers), "caller", "callers"))
		for j, c := range h.Callers {
			if md.full() {
				md.printf("    - %d more not shown\n", len(h.Callers)-j)
				break
			}
			line := mdCode(position(c.File, c.Line)) + " " + mdFunction(c.Function)
			if len(c.Endpoints) > 0 {
				line += " → " + mdEndpoints(c.Endpoints)
			}
			md.printf("    - %s\n", line)
		}
	}
	md.printf("\n")
}

func (md *markdown) taskCalls() {
	ts := md.inv.TaskCalls
	if len(ts) == 0 {
		return
	}
	md.printf("### Calls ignoring an agent task (%d)\n\n", len(ts))
	// Past the size cut, only the calls new since the baseline are listed.
	listed, omitted := 0, 0
	for _, t := range ts {
		if md.full() && !md.isNew[t.Fingerprint] {
			omitted++
			continue
		}
		if listed == 0 {
			md.printf("| location | function | calls | task | endpoints |\n|---|---|---|---|---|\n")
		}
		listed++
		loc := mdCell(position(t.File, t.Line))
		if md.isNew[t.Fingerprint] {
			loc += " **new**"
		}
		md.printf("| %s | %s | %s | %s | %s |\n", loc, mdCellFunction(t.Function), mdCell(t.Callee), mdCell(t.Task), mdCellEndpoints(t.Endpoints))
	}
	if listed > 0 {
		md.printf("\n")
	}
	if omitted > 0 {
		md.omitted(omitted, "call", "calls")
	}
}

func (md *markdown) migrated() {
	md.printf("### Migrated (%d)\n\n", md.inv.Summary.Migrated)
	if md.inv.Summary.Migrated == 0 {
		md.printf("None.\n\n")
		return
	}
	md.printf("<details><summary>%s fed by the provider method</summary>\n\n", plural(md.inv.Summary.Migrated, "site", "sites"))
	listed, total := 0, 0
	for _, p := range md.inv.Packages {
		total += len(p.Migrated)
		for _, s := range p.Migrated {
			if md.full() {
				break
			}
			line := mdCode(position(s.File, s.Line)) + " " + mdFunction(s.Function)
			if len(s.Endpoints) > 0 {
				line += " → " + mdEndpoints(s.Endpoints)
			}
			md.printf("- %s\n", line)
			listed++
		}
	}
	md.printf("\n")
	if n := total - listed; n > 0 {
		md.omitted(n, "site", "sites")
	}
	md.printf("</details>\n\n")
}

func (md *markdown) ignored() {
	md.printf("### Ignored (%d)\n\n", md.inv.Summary.Ignored)
	if md.inv.Summary.Ignored == 0 {
		md.printf("None.\n\n")
		return
	}
	md.printf("Suppressed by `//bearercheck:ignore`; not counted in the total.\n\n")
	if !md.full() {
		md.printf("| location | function | kind | reason |\n|---|---|---|---|\n")
	}
	listed, total := 0, 0
	for _, p := range md.inv.Packages {
		total += len(p.Ignored)
		for _, s := range p.Ignored {
			if md.full() {
				break
			}
			md.printf("| %s | %s | %s | %s |\n", mdCell(position(s.File, s.Line)), mdCellFunction(s.Function), mdText(kindWords(s.Kind)), mdText(s.Reason))
			listed++
		}
	}
	md.printf("\n")
	if n := total - listed; n > 0 {
		md.omitted(n, "site", "sites")
	}
}

// gate writes the comparison with the baseline: the new sites and the
// baseline entries that are gone. (The gate's result and failures are in
// the headline.)
func (md *markdown) gate() {
	g := md.inv.Gate
	if g == nil || g.Baseline == "" {
		return
	}
	md.printf("### Baseline\n\n")
	if len(g.New) > 0 {
		md.printf("%s not in %s, marked **new** above.\n\n", plural(len(g.New), "site", "sites"), mdCode(g.Baseline))
	}
	if len(g.Gone) == 0 {
		md.printf("No baseline entry is gone.\n\n")
		return
	}
	md.printf("%s in %s no longer found (migrated or removed); tighten the baseline with %s:\n\n",
		plural(len(g.Gone), "entry", "entries"), mdCode(g.Baseline), mdCode("bearercheck report -write-baseline "+g.Baseline))
	if md.full() {
		md.omitted(len(g.Gone), "entry", "entries")
		return
	}
	md.printf("| last seen | function | kind |\n|---|---|---|\n")
	for i, e := range g.Gone {
		if md.full() {
			md.printf("\n")
			md.omitted(len(g.Gone)-i, "entry", "entries")
			return
		}
		md.printf("| %s | %s | %s |\n", mdCell(position(e.File, e.Line)), mdCellFunction(e.Function), mdText(kindWords(e.Kind)))
	}
	md.printf("\n")
}

// A group is the run of consecutive items that share a key.
type group[T any] struct {
	key   string
	items []T
}

// groupBy groups items by key, in the order each key first appears;
// items of one key need not be consecutive.
func groupBy[T any](items []T, key func(T) string) []group[T] {
	var groups []group[T]
	index := make(map[string]int)
	for _, it := range items {
		k := key(it)
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, group[T]{key: k})
		}
		groups[i].items = append(groups[i].items, it)
	}
	return groups
}

// sentence ends s with a period unless it ends with punctuation.
func sentence(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// position is file:line.
func position(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// mdFunction is a function name as code, or "package level".
func mdFunction(fn string) string { return orPackageLevel(fn, mdCode) }

func mdCellFunction(fn string) string { return orPackageLevel(fn, mdCell) }

func orPackageLevel(fn string, code func(string) string) string {
	if fn == "" {
		return "package level"
	}
	return code(fn)
}

// mdEndpoints lists endpoints as code.
func mdEndpoints(eps []string) string { return joinEndpoints(eps, mdCode, "_endpoint unknown_") }

func mdCellEndpoints(eps []string) string { return joinEndpoints(eps, mdCell, "_unknown_") }

func joinEndpoints(eps []string, code func(string) string, none string) string {
	if len(eps) == 0 {
		return none
	}
	codes := make([]string, len(eps))
	for i, e := range eps {
		codes[i] = code(e)
	}
	return strings.Join(codes, ", ")
}

// mdCode returns s as an inline code span: delimited by a backtick run
// longer than any inside s, padded with a space where s starts or ends
// with a backtick, on one line.
func mdCode(s string) string {
	s = oneLine(s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (s != "" && strings.Trim(s, " ") == "") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdCell returns s as a code span inside a table cell, where a pipe ends
// the cell even inside a code span unless escaped (GFM).
func mdCell(s string) string {
	return strings.ReplaceAll(mdCode(s), "|", `\|`)
}

// mdText escapes s as prose: every character markdown (or GitHub, for
// mentions and HTML) would interpret is backslash-escaped, so the text
// reads as written, also inside a table cell.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_[]<>|~&#!@$", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// oneLine turns line breaks into spaces and escapes the other control
// characters.
func oneLine(s string) string {
	return escape.String(strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s))
}
