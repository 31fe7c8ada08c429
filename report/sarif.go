package report

import (
	"fmt"
	"go/doc/comment"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/mod/semver"
)

// The SARIF output's fixed vocabulary.
const (
	sarifInformationURI = "https://github.com/bearercheck/bearercheck"
	// sarifSrcRoot is the base of every artifact URI: code scanning resolves
	// it to the repository checkout.
	sarifSrcRoot = "%SRCROOT%"
	// sarifFingerprint keys the inventory's fingerprint in
	// partialFingerprints; the version changes if the fingerprint does.
	sarifFingerprint = "bearercheck/v1"
	// cwe798 is "Use of Hard-coded Credentials", the weakness of a
	// hard-coded credential, with the score GitHub code scanning sorts by.
	cwe798             = "798"
	credentialSeverity = "9.8"
	cweTaxonomyName    = "CWE"
	cweTaxonomyOrg     = "MITRE"
	cweTaxonomyURI     = "https://cwe.mitre.org/"
	cwe798Title        = "Use of Hard-coded Credentials"
	cwe798URI          = "https://cwe.mitre.org/data/definitions/798.html"
	cwe798Tag          = "external/cwe/cwe-798" // GitHub's tag for a CWE
)

// writeSARIF writes the inventory as a SARIF 2.1.0 log with one run: one
// rule per reporting analyzer, described from the analyzer's own Doc and
// URL; a result for each remaining site (suppressed ones with an in-source
// suppression), each root helper and each call ignoring an agent task. Each
// result carries the inventory's fingerprint in partialFingerprints and no
// source text.
func writeSARIF(w io.Writer, inv *Inventory) error {
	log, err := sarifLog(inv)
	if err != nil {
		return err
	}
	return writeSARIFLog(w, log)
}

func writeSARIFLog(w io.Writer, log *sarif.Report) error {
	if err := log.PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Diagnostic is one finding of a lint run (bearercheck ./...) for
// WriteDiagnosticsSARIF.
type Diagnostic struct {
	Analyzer string
	Category string // the kind, as Site.Kind
	Package  string
	File     string // slash-separated, relative to the working directory when below it
	Line     int
	Column   int
	Message  string
}

// WriteDiagnosticsSARIF writes the findings of a lint run as a SARIF 2.1.0
// log built as the report's is: the same rules (tool.Rules), CWE taxonomy
// and locations, without the inventory's fingerprints and summary.
func WriteDiagnosticsSARIF(w io.Writer, tool Tool, ds []Diagnostic) error {
	rr := newSARIFRun(tool)
	for _, d := range ds {
		s := Site{Analyzer: d.Analyzer, Kind: d.Category, Package: d.Package, File: d.File, Line: d.Line, Column: d.Column, Message: d.Message}
		if err := rr.site(s); err != nil {
			return err
		}
	}
	return writeSARIFLog(w, rr.log())
}

func sarifLog(inv *Inventory) (*sarif.Report, error) {
	rr := newSARIFRun(inv.Tool)
	rr.run.WithProperties(sarif.NewPropertyBag().Add("summary", inv.Summary))
	if g := inv.Gate; g != nil && g.Baseline != "" {
		rr.isNew = newSet(g)
	}

	for _, p := range inv.Packages {
		for _, s := range p.Sites {
			if err := rr.site(s); err != nil {
				return nil, err
			}
		}
		for _, s := range p.Ignored {
			if err := rr.site(s); err != nil {
				return nil, err
			}
		}
	}
	for _, h := range inv.Helpers {
		if h.Root {
			rr.helper(h)
		}
	}
	for _, t := range inv.TaskCalls {
		rr.taskCall(t)
	}
	return rr.log(), nil
}

// newSARIFRun starts a run of tool with one rule per reporting analyzer.
func newSARIFRun(tool Tool) *sarifRun {
	driver := sarif.NewToolComponent().
		WithName(tool.Name).
		WithInformationURI(sarifInformationURI).
		WithVersion(tool.Version)
	if semver.IsValid(tool.Version) {
		driver.WithSemanticVersion(strings.TrimPrefix(tool.Version, "v"))
	}
	rules := make(map[string]int)
	for _, r := range tool.Rules.All() {
		if r.Name == "" {
			continue // no rules given
		}
		rules[r.Name] = len(driver.Rules)
		driver.AddRule(sarifRule(r))
	}
	run := sarif.NewRun().
		WithTool(sarif.NewTool().WithDriver(driver)).
		WithColumnKind("utf16CodeUnits")
	return &sarifRun{run: run, driver: driver, rules: rules, ids: tool.Rules}
}

// log finishes the run: the CWE taxonomy when a result refers to it.
func (rr *sarifRun) log() *sarif.Report {
	if rr.cwe {
		driver, run := rr.driver, rr.run
		driver.AddSupportedTaxonomie(sarif.NewToolComponentReference().WithName(cweTaxonomyName).WithIndex(0))
		run.AddTaxonomie(sarif.NewToolComponent().
			WithName(cweTaxonomyName).
			WithOrganization(cweTaxonomyOrg).
			WithInformationURI(cweTaxonomyURI).
			AddTaxa(sarif.NewReportingDescriptor().
				WithID(cwe798).
				WithShortDescription(sarif.NewMultiformatMessageString().WithText(cwe798Title)).
				WithHelpURI(cwe798URI)))
	}
	return sarif.NewReport().AddRun(rr.run)
}

// sarifRule describes an analyzer: its title, its doc's first paragraph,
// the whole doc as help (text and markdown), and its URL.
func sarifRule(a Rule) *sarif.ReportingDescriptor {
	title, body, _ := strings.Cut(a.Doc, "\n")
	title = strings.TrimPrefix(title, a.Name+": ")
	body = strings.TrimSpace(body)
	first, _, _ := strings.Cut(body, "\n\n")
	var p comment.Parser
	var pr comment.Printer
	markdown := string(pr.Markdown(p.Parse(body)))
	return sarif.NewRule(a.Name).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(title)).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(strings.Join(strings.Fields(first), " "))).
		WithHelp(sarif.NewMultiformatMessageString().WithText(body).WithMarkdown(markdown)).
		WithHelpURI(a.URL).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarif.LevelWarning))
}

// sarifRun collects the results of one run.
type sarifRun struct {
	run    *sarif.Run
	driver *sarif.ToolComponent
	rules  map[string]int // rule ID → index
	ids    Rules
	cwe    bool // a result refers to the CWE taxonomy
	// isNew holds the fingerprints not in the baseline; nil without one.
	// With a baseline, each remaining site and task call has a
	// baselineState: new or unchanged.
	isNew map[string]bool
}

// baselineState marks a result of a remaining site or task call as new or
// unchanged when the gate compared with a baseline.
func (rr *sarifRun) baselineState(r *sarif.Result, fingerprint string) {
	switch {
	case rr.isNew == nil:
	case rr.isNew[fingerprint]:
		r.WithBaselineState("new")
	default:
		r.WithBaselineState("unchanged")
	}
}

// result starts a result of the analyzer's rule at a position.
func (rr *sarifRun) result(analyzer, message, fingerprint, pkg, file string, line, col int, function string) *sarif.Result {
	r := sarif.NewRuleResult(analyzer).
		WithRuleIndex(rr.rules[analyzer]).
		WithMessage(sarif.NewTextMessage(message)).
		AddLocation(sarifLocation(pkg, file, line, col, function))
	if fingerprint != "" {
		r.WithPartialFingerprints(map[string]string{sarifFingerprint: fingerprint})
	}
	rr.run.AddResult(r)
	return r
}

func (rr *sarifRun) site(s Site) error {
	if _, ok := rr.rules[s.Analyzer]; !ok {
		return fmt.Errorf("site at %s:%d: unknown analyzer %q", s.File, s.Line, s.Analyzer)
	}
	r := rr.result(s.Analyzer, s.Message, s.Fingerprint, s.Package, s.File, s.Line, s.Column, s.Function)
	if isCredential(s.Kind) {
		rr.cwe = true
		r.WithLevel(sarif.LevelError).
			WithProperties(sarif.NewPropertyBag().
				WithTags([]string{"security", cwe798Tag}).
				Add("security-severity", credentialSeverity)).
			AddTaxa(sarif.NewReportingDescriptorReference().
				WithID(cwe798).
				WithToolComponent(sarif.NewToolComponentReference().WithName(cweTaxonomyName).WithIndex(0)))
	}
	if s.Reason == "" {
		rr.baselineState(r, s.Fingerprint)
	} else {
		r.AddSuppression(sarif.NewSuppression().
			WithKind("inSource").
			WithStatus("accepted").
			WithJustification(s.Reason))
	}
	return nil
}

// helper reports a root helper at its declaration, with its callers as
// related locations.
func (rr *sarifRun) helper(h Helper) {
	r := rr.result(rr.ids.Helper.Name, h.Message, h.Fingerprint, h.Package, h.File, h.Line, h.Column, h.Function)
	for i, c := range h.Callers {
		msg := "called by " + c.Function
		if c.Function == "" {
			msg = "called at package level"
		}
		if len(c.Endpoints) > 0 {
			msg += " for " + strings.Join(c.Endpoints, ", ")
		}
		r.AddRelatedLocation(sarifLocation(c.Package, c.File, c.Line, c.Column, c.Function).
			WithID(i + 1).
			WithMessage(sarif.NewTextMessage(msg)))
	}
}

func (rr *sarifRun) taskCall(t TaskCall) {
	r := rr.result(rr.ids.TaskCall.Name, t.Message, t.Fingerprint, t.Package, t.File, t.Line, t.Column, t.Function)
	rr.baselineState(r, t.Fingerprint)
}

// fileURI is a relative slash-separated path as a relative URI reference.
func fileURI(file string) string {
	return (&url.URL{Path: file}).String()
}

// sarifLocation is a position relative to the source root, and the
// enclosing function as a logical location. A file outside the module
// (External) is never made relative to the source root: an absolute path
// is a file:// URI, and a module@version/path (a dependency in the module
// cache, which code scanning cannot show) has no physical location, only
// the logical one.
func sarifLocation(pkg, file string, line, col int, function string) *sarif.Location {
	loc := sarif.NewLocation()
	switch {
	case !External(file):
		loc.WithPhysicalLocation(sarifPhysical(fileURI(file), sarifSrcRoot, line, col))
	case filepath.IsAbs(file) || strings.HasPrefix(file, "/"):
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(file)}
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path // a Windows drive: file:///C:/…
		}
		loc.WithPhysicalLocation(sarifPhysical(u.String(), "", line, col))
	}
	switch {
	case function != "":
		loc.AddLogicalLocation(sarif.NewLogicalLocation().
			WithName(function).
			WithFullyQualifiedName(pkg + "." + function).
			WithKind("function"))
	case loc.PhysicalLocation == nil:
		loc.AddLogicalLocation(sarif.NewLogicalLocation().
			WithName(pkg).
			WithFullyQualifiedName(pkg).
			WithKind("namespace"))
	}
	return loc
}

// sarifPhysical is a region of the artifact at uri, relative to base
// unless base is "".
func sarifPhysical(uri, base string, line, col int) *sarif.PhysicalLocation {
	region := sarif.NewRegion().WithStartLine(line)
	if col > 0 {
		region.WithStartColumn(col)
	}
	art := sarif.NewArtifactLocation().WithURI(uri)
	if base != "" {
		art.WithURIBaseID(base)
	}
	return sarif.NewPhysicalLocation().WithArtifactLocation(art).WithRegion(region)
}
