// Package corpus scores bearercheck against the hand-labelled real-world
// corpus in /work/shared/corpus (see README.md in this directory).
//
// The functions here are pure: they parse labels.tsv, the multichecker -json
// output and `go list -m -json` output, and compare them. The test
// TestCorpusAccuracy wires them to a real run.
package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Label categories.
const (
	Header   = "HEADER"
	Helper   = "HELPER"
	Indirect = "INDIRECT"
	Negative = "NEGATIVE"
)

// outOfScope marks a category in a package that does not build on linux.
const outOfScope = "(not built on linux)"

// helperAnalyzer is the analyzer whose report on a helper's declaration
// line counts as finding a HELPER label.
const helperAnalyzer = "bearerhelper"

// A Label is one row of labels.tsv.
type Label struct {
	Module   string
	Version  string
	File     string // relative to the module root, slash-separated
	Line     int
	AltLine  int // 0 when unset
	Func     string
	Category string
	Endpoint string
}

// Required reports whether the label must be found (HEADER or HELPER).
func (l Label) Required() bool { return l.Category == Header || l.Category == Helper }

// OutOfScope reports whether the label sits in a package not built here.
func (l Label) OutOfScope() bool { return strings.HasSuffix(l.Category, outOfScope) }

func (l Label) lines() []int {
	if l.AltLine != 0 && l.AltLine != l.Line {
		return []int{l.Line, l.AltLine}
	}
	return []int{l.Line}
}

func (l Label) String() string {
	s := fmt.Sprintf("%s@%s %s:%d", l.Module, l.Version, l.File, l.Line)
	if l.AltLine != 0 {
		s += fmt.Sprintf(" (alt %d)", l.AltLine)
	}
	return s + " " + l.Func
}

// labelColumns are the columns of labels.tsv, in order.
var labelColumns = []string{"module", "version", "file", "line", "alt_line", "func", "category", "endpoint"}

// ParseLabels parses labels.tsv. The first line must be the header.
func ParseLabels(r io.Reader) ([]Label, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if len(lines) == 0 || !slices.Equal(strings.Split(lines[0], "\t"), labelColumns) {
		return nil, fmt.Errorf("labels: header is not %q", strings.Join(labelColumns, "\t"))
	}
	var labels []Label
	for i, line := range lines[1:] {
		if strings.TrimSpace(line) == "" {
			continue
		}
		lineno := i + 2
		f := strings.Split(line, "\t")
		if len(f) != len(labelColumns) {
			return nil, fmt.Errorf("labels:%d: %d columns, want %d", lineno, len(f), len(labelColumns))
		}
		l := Label{Module: f[0], Version: f[1], File: f[2], Func: f[5], Category: f[6], Endpoint: f[7]}
		if l.Module == "" || l.Version == "" || l.File == "" || l.Category == "" {
			return nil, fmt.Errorf("labels:%d: empty module, version, file or category", lineno)
		}
		if l.Line, err = strconv.Atoi(f[3]); err != nil || l.Line <= 0 {
			return nil, fmt.Errorf("labels:%d: bad line %q", lineno, f[3])
		}
		if f[4] != "" {
			if l.AltLine, err = strconv.Atoi(f[4]); err != nil || l.AltLine <= 0 {
				return nil, fmt.Errorf("labels:%d: bad alt_line %q", lineno, f[4])
			}
		}
		labels = append(labels, l)
	}
	return labels, nil
}

// A Diagnostic is one diagnostic from the multichecker -json output.
type Diagnostic struct {
	Package  string // package ID
	Analyzer string
	Posn     string // as printed: file:line:col
	Filename string
	Line     int
	Message  string
	Category string
}

// An AnalyzerError is an {"error": ...} entry of the -json output.
type AnalyzerError struct {
	Package  string
	Analyzer string
	Err      string
}

func (e AnalyzerError) String() string {
	return fmt.Sprintf("%s: %s: %s", e.Package, e.Analyzer, e.Err)
}

// Output is the parsed -json output of the command.
type Output struct {
	Diagnostics []Diagnostic // sorted by file, line, analyzer, message; duplicates removed
	Errors      []AnalyzerError
}

// ParseOutput parses the go/analysis -json output: a stream of one or more
// objects {"pkg": {"analyzer": [diagnostic...] | {"error": "..."}}}.
// The same diagnostic reported for a package and its test variant
// ("p [p.test]") is kept once.
func ParseOutput(r io.Reader) (*Output, error) {
	out := new(Output)
	dec := json.NewDecoder(r)
	objects := 0
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("parsing -json output: %v", err)
		}
		objects++
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var e struct {
					Err *string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Err != nil {
					out.Errors = append(out.Errors, AnalyzerError{pkg, name, *e.Err})
					continue
				}
				var diags []struct {
					Posn     string `json:"posn"`
					Message  string `json:"message"`
					Category string `json:"category"`
				}
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("parsing -json output: %s: %s: %v", pkg, name, err)
				}
				for _, d := range diags {
					file, line, err := splitPosn(d.Posn)
					if err != nil {
						return nil, fmt.Errorf("parsing -json output: %s: %s: %v", pkg, name, err)
					}
					out.Diagnostics = append(out.Diagnostics, Diagnostic{
						Package: pkg, Analyzer: name, Posn: d.Posn,
						Filename: file, Line: line, Message: d.Message, Category: d.Category,
					})
				}
			}
		}
	}
	if objects == 0 {
		return nil, errors.New("parsing -json output: no JSON object")
	}
	slices.SortFunc(out.Diagnostics, func(a, b Diagnostic) int {
		return cmpAll(
			strings.Compare(a.Filename, b.Filename), a.Line-b.Line,
			strings.Compare(a.Posn, b.Posn), strings.Compare(a.Analyzer, b.Analyzer),
			strings.Compare(a.Message, b.Message), strings.Compare(a.Package, b.Package))
	})
	out.Diagnostics = slices.CompactFunc(out.Diagnostics, func(a, b Diagnostic) bool {
		return a.Posn == b.Posn && a.Analyzer == b.Analyzer && a.Message == b.Message
	})
	slices.SortFunc(out.Errors, func(a, b AnalyzerError) int {
		return cmpAll(strings.Compare(a.Package, b.Package), strings.Compare(a.Analyzer, b.Analyzer))
	})
	return out, nil
}

func cmpAll(cs ...int) int {
	for _, c := range cs {
		if c != 0 {
			return c
		}
	}
	return 0
}

// splitPosn splits "file:line:col" or "file:line" into file and line.
func splitPosn(posn string) (string, int, error) {
	file, nums := posn, []int(nil)
	for len(nums) < 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(file[i+1:])
		if err != nil || n <= 0 {
			break
		}
		file, nums = file[:i], append(nums, n)
	}
	if len(nums) == 0 || file == "" {
		return "", 0, fmt.Errorf("bad position %q", posn)
	}
	return file, nums[len(nums)-1], nil
}

// A Module is one entry of `go list -m -json`.
type Module struct {
	Path    string
	Version string
	Dir     string
}

// ParseModules parses the stream of objects printed by `go list -m -json`.
func ParseModules(r io.Reader) ([]Module, error) {
	var mods []Module
	dec := json.NewDecoder(r)
	for {
		var m Module
		if err := dec.Decode(&m); err == io.EOF {
			return mods, nil
		} else if err != nil {
			return nil, fmt.Errorf("parsing go list -m -json output: %v", err)
		}
		mods = append(mods, m)
	}
}

// A Site is a diagnostic's position relative to its module.
type Site struct {
	Module  string // "" when the file is in no known module
	Version string
	File    string // relative, slash-separated; the absolute path when Module is ""
	Line    int
}

func (s Site) String() string {
	if s.Module == "" {
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return fmt.Sprintf("%s@%s %s:%d", s.Module, s.Version, s.File, s.Line)
}

// Locate maps an absolute file name and line to a Site, using the module
// whose directory is the longest prefix of filename.
func Locate(mods []Module, filename string, line int) Site {
	best := -1
	for i, m := range mods {
		if m.Dir == "" {
			continue
		}
		dir := filepath.Clean(m.Dir)
		if strings.HasPrefix(filename, dir+string(filepath.Separator)) &&
			(best < 0 || len(dir) > len(filepath.Clean(mods[best].Dir))) {
			best = i
		}
	}
	if best < 0 {
		return Site{File: filename, Line: line}
	}
	m := mods[best]
	rel, _ := filepath.Rel(filepath.Clean(m.Dir), filename)
	return Site{Module: m.Path, Version: m.Version, File: filepath.ToSlash(rel), Line: line}
}

// FuncDeclLine returns the line of the func keyword of the declaration
// named name in the Go file filename. name has the label formats
// F, (T).M or (*T).M; the receiver's pointerness must match.
func FuncDeclLine(filename, name string) (int, error) {
	recv, ptr, fn, err := splitFuncName(name)
	if err != nil {
		return 0, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, nil, parser.SkipObjectResolution)
	if err != nil {
		return 0, err
	}
	for _, decl := range f.Decls {
		d, ok := decl.(*ast.FuncDecl)
		if !ok || d.Name.Name != fn {
			continue
		}
		if d.Recv == nil || len(d.Recv.List) == 0 {
			if recv == "" {
				return fset.Position(d.Type.Func).Line, nil
			}
			continue
		}
		t, isPtr := recvTypeName(d.Recv.List[0].Type)
		if t == recv && isPtr == ptr {
			return fset.Position(d.Type.Func).Line, nil
		}
	}
	return 0, fmt.Errorf("%s: no declaration of %s", filename, name)
}

// splitFuncName splits "F", "(T).M" and "(*T).M".
func splitFuncName(name string) (recv string, ptr bool, fn string, err error) {
	if !strings.HasPrefix(name, "(") {
		if !token.IsIdentifier(name) {
			return "", false, "", fmt.Errorf("bad func name %q", name)
		}
		return "", false, name, nil
	}
	r, m, ok := strings.Cut(name[1:], ").")
	recv, ptr = strings.CutPrefix(r, "*")
	if !ok || !token.IsIdentifier(recv) || !token.IsIdentifier(m) {
		return "", false, "", fmt.Errorf("bad func name %q", name)
	}
	return recv, ptr, m, nil
}

// recvTypeName returns the base type name of a receiver type expression.
func recvTypeName(e ast.Expr) (name string, ptr bool) {
	if p, ok := e.(*ast.ParenExpr); ok {
		e = p.X
	}
	if s, ok := e.(*ast.StarExpr); ok {
		e, ptr = s.X, true
	}
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name, ptr
	}
	return "", ptr
}

// Input is what Score compares.
type Input struct {
	Labels  []Label
	Output  *Output
	Modules []Module
	// DeclLine returns the declaration line of a HELPER label's func in
	// the given absolute file. Nil means FuncDeclLine.
	DeclLine func(filename, funcName string) (int, error)
}

// A Hit is a label together with the diagnostics that landed on it.
type Hit struct {
	Label Label
	Diags []Diagnostic
}

// A Stray is a diagnostic on no labelled line.
type Stray struct {
	Site   Site
	Diag   Diagnostic
	DeclOf string // the labelled func declared on this line, if any
}

// Result is the outcome of Score.
type Result struct {
	Categories     []string       // in-scope categories, in a stable order
	Expected       map[string]int // labels per category
	Reported       map[string]int // labels with at least one diagnostic, per category
	Found          []Hit          // required labels found
	Misses         []Label        // required labels not found
	FalsePositives []Hit          // NEGATIVE labels reported
	Indirect       []Hit          // INDIRECT labels reported
	Other          []Hit          // labels of any other category reported
	OutOfScope     int            // labels not built on linux
	Unlabelled     []Stray        // diagnostics on no label's line (or a helper's declaration)
	Errors         []string       // analyzer errors and label lookup problems
}

// Recall returns found and expected required labels.
func (r *Result) Recall() (found, all int) {
	return len(r.Found), len(r.Found) + len(r.Misses)
}

// OK reports whether everything required was found with no false
// positives and no errors.
func (r *Result) OK() bool {
	return len(r.Misses) == 0 && len(r.FalsePositives) == 0 && len(r.Errors) == 0
}

type lineKey struct {
	module, version, file string
	line                  int
}

// Score compares labels with diagnostics.
func Score(in Input) *Result {
	declLine := in.DeclLine
	if declLine == nil {
		declLine = FuncDeclLine
	}
	res := &Result{Expected: map[string]int{}, Reported: map[string]int{}}
	for _, e := range in.Output.Errors {
		res.Errors = append(res.Errors, "analyzer error: "+e.String())
	}

	// Index diagnostics by module-relative line.
	byLine := map[lineKey][]int{}
	sites := make([]Site, len(in.Output.Diagnostics))
	for i, d := range in.Output.Diagnostics {
		s := Locate(in.Modules, d.Filename, d.Line)
		sites[i] = s
		k := lineKey{s.Module, s.Version, s.File, s.Line}
		byLine[k] = append(byLine[k], i)
	}
	dirs := map[string]string{}
	for _, m := range in.Modules {
		dirs[m.Path+"@"+m.Version] = m.Dir
	}

	type declKey struct{ module, version, file, fn string }
	decls := map[declKey]int{}
	lookupDecl := func(l Label) (int, error) {
		k := declKey{l.Module, l.Version, l.File, l.Func}
		if line, ok := decls[k]; ok {
			return line, nil
		}
		dir := dirs[l.Module+"@"+l.Version]
		if dir == "" {
			return 0, errors.New("module not in go list -m output")
		}
		line, err := declLine(filepath.Join(dir, filepath.FromSlash(l.File)), l.Func)
		if err == nil {
			decls[k] = line
		}
		return line, err
	}
	declOf := map[lineKey]string{}

	used := make([]bool, len(in.Output.Diagnostics)) // landed on some label
	for _, l := range in.Labels {
		var hit []int
		for _, line := range l.lines() {
			hit = append(hit, byLine[lineKey{l.Module, l.Version, l.File, line}]...)
		}
		if l.OutOfScope() {
			res.OutOfScope++
			for _, i := range hit {
				used[i] = true
			}
			continue
		}
		// The declaration line of a HELPER's func counts for it; that of
		// any other labelled func only annotates unlabelled diagnostics.
		if _, _, _, err := splitFuncName(l.Func); err == nil || l.Category == Helper {
			decl, err := lookupDecl(l)
			if err == nil {
				k := lineKey{l.Module, l.Version, l.File, decl}
				if declOf[k] == "" {
					declOf[k] = l.Func
				}
			}
			if l.Category == Helper && err != nil {
				res.Errors = append(res.Errors, fmt.Sprintf("label %s: %v", l, err))
			} else if l.Category == Helper {
				for _, i := range byLine[lineKey{l.Module, l.Version, l.File, decl}] {
					if in.Output.Diagnostics[i].Analyzer == helperAnalyzer && !slices.Contains(hit, i) {
						hit = append(hit, i)
					}
				}
			}
		}
		slices.Sort(hit)
		hit = slices.Compact(hit)
		var diags []Diagnostic
		for _, i := range hit {
			used[i] = true
			diags = append(diags, in.Output.Diagnostics[i])
		}

		if res.Expected[l.Category] == 0 {
			res.Categories = append(res.Categories, l.Category)
		}
		res.Expected[l.Category]++
		if len(diags) > 0 {
			res.Reported[l.Category]++
		}
		h := Hit{l, diags}
		switch {
		case l.Required() && len(diags) > 0:
			res.Found = append(res.Found, h)
		case l.Required():
			res.Misses = append(res.Misses, l)
		case len(diags) == 0:
		case l.Category == Negative:
			res.FalsePositives = append(res.FalsePositives, h)
		case l.Category == Indirect:
			res.Indirect = append(res.Indirect, h)
		default:
			res.Other = append(res.Other, h)
		}
	}
	slices.SortStableFunc(res.Categories, func(a, b string) int { return categoryRank(a) - categoryRank(b) })

	for i, d := range in.Output.Diagnostics {
		if !used[i] {
			s := sites[i]
			res.Unlabelled = append(res.Unlabelled, Stray{s, d, declOf[lineKey{s.Module, s.Version, s.File, s.Line}]})
		}
	}
	return res
}

func categoryRank(c string) int {
	if i := slices.Index([]string{Header, Helper, Negative, Indirect}, c); i >= 0 {
		return i
	}
	return 4
}

// WriteReport renders r as text, ending with a line
// "recall F/N, K false positives".
func WriteReport(w io.Writer, r *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %s\n", "category", "reported/labelled")
	for _, c := range r.Categories {
		note := ""
		switch {
		case c == Header || c == Helper:
			note = "  (must be found)"
		case c == Negative:
			note = "  (false positives)"
		case c == Indirect:
			note = "  (optional)"
		}
		fmt.Fprintf(&b, "%-10s %d/%d%s\n", c, r.Reported[c], r.Expected[c], note)
	}
	if r.OutOfScope > 0 {
		fmt.Fprintf(&b, "out of scope (not built on linux): %d labels\n", r.OutOfScope)
	}

	section := func(title string, n int) {
		if n > 0 {
			fmt.Fprintf(&b, "\n%s (%d):\n", title, n)
		}
	}
	diagLines := func(ds []Diagnostic) {
		for _, d := range ds {
			fmt.Fprintf(&b, "      %s: %s: %s\n", d.Posn, d.Analyzer, d.Message)
		}
	}
	hits := func(title string, hs []Hit) {
		section(title, len(hs))
		for _, h := range hs {
			fmt.Fprintf(&b, "  %-8s %s\n", h.Label.Category, h.Label)
			diagLines(h.Diags)
		}
	}
	section("misses", len(r.Misses))
	for _, l := range r.Misses {
		fmt.Fprintf(&b, "  %-8s %s\n", l.Category, l)
	}
	hits("false positives", r.FalsePositives)
	hits("INDIRECT hits", r.Indirect)
	hits("other labelled hits", r.Other)
	section("unlabelled diagnostics", len(r.Unlabelled))
	for _, s := range r.Unlabelled {
		decl := ""
		if s.DeclOf != "" {
			decl = " [declaration of labelled " + s.DeclOf + "]"
		}
		fmt.Fprintf(&b, "  %s %s: %s%s\n", s.Site, s.Diag.Analyzer, s.Diag.Message, decl)
	}
	section("errors", len(r.Errors))
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	found, all := r.Recall()
	fmt.Fprintf(&b, "\nrecall %d/%d, %d false positives\n", found, all, len(r.FalsePositives))
	_, err := io.WriteString(w, b.String())
	return err
}
