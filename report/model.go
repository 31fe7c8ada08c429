// Package report turns the results of the bearercheck analyzers into the
// migration inventory that `bearercheck report` prints, computes the
// fingerprints and baselines of the CI gate, and renders the inventory in
// each output format (text, markdown, json, sarif, html). It does no loading
// and has no flags: cmd/bearercheck wires it to the driver.
//
// Every renderer reads one Inventory; nothing in it holds credential text
// (Site.Value is the normalised value expression with string literals that
// hold credentials replaced by "[redacted]").
package report

// SchemaVersion is the version of the JSON format (schema/report.schema.json).
// It changes only when a field is removed or changes meaning.
const SchemaVersion = 1

// Inventory is the whole migration inventory of one run.
type Inventory struct {
	SchemaVersion int       `json:"schemaVersion"`
	Tool          Tool      `json:"tool"`
	Summary       Summary   `json:"summary"`
	Packages      []Package `json:"packages"` // sorted by path
	// Helpers are the bearer-only helpers, root and transitive, sorted by
	// package, file and line.
	Helpers []Helper `json:"helpers"`
	// TaskCalls are calls that ignore an available agent task.
	TaskCalls []TaskCall `json:"taskCalls"`
	// Wrappers are the compatibility wrappers a migration left (deprecated,
	// marked //go:fix inline): not remaining sites, listed apart.
	Wrappers []Wrapper `json:"wrappers,omitempty"`
	// Gate is the outcome of the CI gate; nil when no gate flag was given.
	Gate *Gate `json:"gate,omitempty"`
	// Run names the module, revision and date of the run, when known.
	Run *Run `json:"run,omitempty"`
	// History holds the earlier runs of the history file (report
	// -history), oldest first; the current run is not among them.
	History []HistoryEntry `json:"history,omitempty"`
}

// Tool names the program that produced the inventory.
type Tool struct {
	Name    string `json:"name"`    // "bearercheck"
	Version string `json:"version"` // module version, or "(devel)"
	// Rules describe the reporting analyzers (SARIF's rules); they are
	// not part of the JSON inventory.
	Rules Rules `json:"-"`
}

// Rules are the reporting analyzers that report each kind of entry.
type Rules struct {
	Site, Helper, TaskCall Rule
}

// All returns the rules in the order of the analyzers.
func (r Rules) All() []Rule { return []Rule{r.Site, r.Helper, r.TaskCall} }

// Rule describes a reporting analyzer: its name, its Doc ("title" line,
// then the body) and the URL of its documentation.
type Rule struct {
	Name, Doc, URL string
}

// Summary is the headline: Migrated of Total authorization sites migrated.
// See docs/report.md ("What the figures count") for what is counted.
type Summary struct {
	Migrated  int     `json:"migrated"`  // N: sinks fed by the provider method
	Remaining int     `json:"remaining"` // sites still hard-coding the scheme (generated ones included)
	Total     int     `json:"total"`     // M = Migrated + Remaining
	Percent   float64 `json:"percent"`   // 100*N/M, rounded to one decimal; 100 when M is 0
	Ignored   int     `json:"ignored"`   // sites suppressed by a directive: not in M
	Generated int     `json:"generated"` // remaining sites in generated files (part of Remaining)
	Helpers   int     `json:"helpers"`   // bearer-only helpers (root and transitive)
	TaskCalls int     `json:"taskCalls"` // calls that ignore an agent task
	// Fixable are the remaining sites that bearercheck -fix fixes: K of
	// Remaining (absent when none).
	Fixable int `json:"fixable,omitempty"`
	// Wrappers are the compatibility wrappers a migration left; they are
	// not sites (absent when none).
	Wrappers int `json:"wrappers,omitempty"`
}

// Package is one package's part of the inventory.
type Package struct {
	Path     string  `json:"path"`
	Summary  Summary `json:"summary"`  // the same figures, for this package
	Sites    []Site  `json:"sites"`    // remaining sites, by file and line
	Migrated []Site  `json:"migrated"` // migrated sites, by file and line
	Ignored  []Site  `json:"ignored"`  // suppressed sites, with their reasons
}

// Site is one authorization site: remaining, migrated or ignored.
type Site struct {
	Analyzer  string   `json:"analyzer"`      // bearerheader (taskauth for task calls)
	Kind      string   `json:"kind"`          // the diagnostic category: literal-prefix, sprintf, hard-coded-credential, …
	Package   string   `json:"package"`       // import path
	File      string   `json:"file"`          // slash-separated, relative to the working directory when below it
	Line      int      `json:"line"`          // 1-based
	Column    int      `json:"column"`        // 1-based, in bytes
	Function  string   `json:"function"`      // enclosing function: F, T.M, (*T).M; "" at package level
	Endpoints []string `json:"endpoints"`     // URL paths, variable parts as {}; empty when unknown
	Message   string   `json:"message"`       // the diagnostic message (never holds a credential)
	Value     string   `json:"value"`         // the normalised value expression, credentials redacted
	Fix       string   `json:"fix,omitempty"` // the replacement text of the offered fix, if any
	// FixAction says what bearercheck -fix does here (the offered fix's
	// message: "migrates newRequest: field c.token → provider, …"); ""
	// when there is no fix.
	FixAction   string `json:"fixAction,omitempty"`
	Generated   bool   `json:"generated,omitempty"`
	Reason      string `json:"reason,omitempty"` // for an ignored site: the directive's reason
	Task        string `json:"task,omitempty"`   // an agent task available in the function, as written
	Fingerprint string `json:"fingerprint"`      // stable identity for the baseline (see fingerprint.go)
}

// Helper is a bearer-only helper with its callers.
type Helper struct {
	Package   string   `json:"package"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	Function  string   `json:"function"`  // F, T.M, (*T).M
	Root      bool     `json:"root"`      // builds or writes the bearer value itself
	Token     string   `json:"token"`     // "parameter tok", "field c.token", "the result of id.GetToken"
	Message   string   `json:"message"`   // the bearerhelper message for roots; a description otherwise
	Endpoints []string `json:"endpoints"` // endpoints reached through it (its own and its callers')
	Callers   []Caller `json:"callers"`   // by package, file and line
	// FixAction says what bearercheck -fix does to the helper; "" when
	// there is no fix.
	FixAction string `json:"fixAction,omitempty"`
	// Fingerprint is the helper's stable identity (package, function and
	// token; not its position), for SARIF partialFingerprints.
	Fingerprint string `json:"fingerprint"`
}

// Caller is a call of a helper.
type Caller struct {
	Package   string   `json:"package"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	Function  string   `json:"function"`
	Endpoints []string `json:"endpoints"`
}

// TaskCall is a call to a bearer-only helper (or bearer API) that ignores an
// agent task available in the calling function.
type TaskCall struct {
	Package   string   `json:"package"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	Function  string   `json:"function"`
	Callee    string   `json:"callee"`
	Task      string   `json:"task"`
	Endpoints []string `json:"endpoints"`
	Message   string   `json:"message"`
	// FixAction says what bearercheck -fix does to the call; "" when
	// there is no fix.
	FixAction   string `json:"fixAction,omitempty"`
	Fingerprint string `json:"fingerprint"`
}

// Wrapper is a compatibility wrapper: an exported function whose
// signature the migration changed, kept as a deprecated //go:fix inline
// wrapper of its provider-taking replacement.
type Wrapper struct {
	Package  string `json:"package"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Function string `json:"function"` // F, T.M, (*T).M
	Calls    string `json:"calls"`    // the function it calls, as the report names functions
}

// Gate is the outcome of the CI gate.
type Gate struct {
	Passed bool `json:"passed"`
	// Failures say why the gate failed, one sentence each.
	Failures []string `json:"failures"`
	// New are the fingerprints of sites and task calls not in the baseline.
	New []string `json:"new"`
	// NewEntries are those sites and task calls, in the same order: every
	// format names them, so that a failed gate says what failed it.
	NewEntries []GateEntry `json:"newEntries"`
	// Gone are baseline entries no longer found (migrated or removed): the
	// baseline can be tightened by -write-baseline.
	Gone []BaselineEntry `json:"gone"`
	// Baseline is the file compared against, "" without -baseline.
	Baseline        string   `json:"baseline,omitempty"`
	RequireComplete bool     `json:"requireComplete,omitempty"`
	MinComplete     *float64 `json:"minComplete,omitempty"`
}

// GateEntry is a site or task call as the gate names it.
type GateEntry struct {
	Fingerprint string   `json:"fingerprint"`
	Package     string   `json:"package"`
	Function    string   `json:"function"`
	Kind        string   `json:"kind"` // the site's kind; ignored-task for a task call
	File        string   `json:"file"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Endpoints   []string `json:"endpoints"`
}

// BaselineEntry is one entry of a baseline file: enough to say what it was
// once it is gone, and nothing secret.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Package     string `json:"package"`
	Function    string `json:"function"`
	Kind        string `json:"kind"`
	File        string `json:"file"` // informational: not part of the fingerprint
	Line        int    `json:"line"` // informational
}
