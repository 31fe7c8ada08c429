// Package synth generates synthetic client monorepos for bearercheck's
// benchmarks: packages × files × functions of ordinary Go code with a
// realistic density of authorization sinks — hard-coded bearer headers,
// bearer-only helpers called across packages, callers that hold an agent
// task and ignore it, sites already migrated to an AuthProvider, and
// requests that need no authorization at all.
//
// The generated module depends on the standard library only, builds, and
// is deterministic: the same Shape always gives the same bytes.
package synth

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
)

// Shape is the size and density of a synthetic module.
type Shape struct {
	Module   string // module path; "example.com/synth" when empty
	Packages int    // service packages (an auth package is added)
	Files    int    // files per package
	Funcs    int    // functions per file (sinks included)
	Sinks    int    // functions with an authorization sink, per file (≤ Funcs)
	// Chain makes each package import the previous one (one long
	// dependency chain); otherwise packages form Lanes parallel chains,
	// each package importing the one before it in its lane and one in
	// the lane next to it.
	Chain bool
	Lanes int // 4 when zero and not Chain
}

func (s Shape) module() string {
	if s.Module == "" {
		return "example.com/synth"
	}
	return s.Module
}

func (s Shape) lanes() int {
	if s.Chain {
		return 1
	}
	if s.Lanes <= 0 {
		return 4
	}
	return s.Lanes
}

// Validate reports a shape that cannot be generated.
func (s Shape) Validate() error {
	switch {
	case s.Packages < 1 || s.Files < 1 || s.Funcs < 1:
		return fmt.Errorf("synth: packages, files and funcs must be at least 1 (got %d, %d, %d)", s.Packages, s.Files, s.Funcs)
	case s.Sinks < 0 || s.Sinks > s.Funcs:
		return fmt.Errorf("synth: sinks per file must be between 0 and funcs (%d), got %d", s.Funcs, s.Sinks)
	}
	return nil
}

// PackagePath is the import path of service package i.
func (s Shape) PackagePath(i int) string { return fmt.Sprintf("%s/svc%04d", s.module(), i) }

// PackageDir is the directory of service package i, relative to the module root.
func (s Shape) PackageDir(i int) string { return fmt.Sprintf("svc%04d", i) }

// FileName is the name of file j of a service package.
func (s Shape) FileName(j int) string { return fmt.Sprintf("client%03d.go", j) }

// Imports returns the service packages that package i imports.
func (s Shape) Imports(i int) []int {
	l := s.lanes()
	var out []int
	if i-l >= 0 {
		out = append(out, i-l)
	}
	if l > 1 && i-l-1 >= 0 && (i-l-1)%l != (i-l)%l {
		out = append(out, i-l-1)
	}
	if l > 1 && i > 0 && i < l {
		// The first packages of the other lanes start from lane 0.
		out = append(out, 0)
	}
	return out
}

// Leaves returns the service packages no other package imports.
func (s Shape) Leaves() []int {
	imported := make([]bool, s.Packages)
	for i := range s.Packages {
		for _, d := range s.Imports(i) {
			imported[d] = true
		}
	}
	var out []int
	for i, ok := range imported {
		if !ok {
			out = append(out, i)
		}
	}
	return out
}

// Write generates the module into dir, which must not exist or be empty.
func Write(dir string, s Shape) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("synth: %s is not empty", dir)
	}
	write := func(rel string, data []byte) error {
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		return os.WriteFile(path, data, 0o644)
	}
	if err := write("go.mod", []byte("module "+s.module()+"\n\ngo 1.22\n")); err != nil {
		return err
	}
	if err := write("auth/auth.go", []byte(AuthSource)); err != nil {
		return err
	}
	for i := range s.Packages {
		for j := range s.Files {
			src, err := File(s, i, j)
			if err != nil {
				return err
			}
			if err := write(filepath.Join(s.PackageDir(i), s.FileName(j)), src); err != nil {
				return err
			}
		}
	}
	return nil
}

// Lines counts the lines of Go source Write generates for s.
func Lines(s Shape) (int, error) {
	n := bytes.Count([]byte(AuthSource), []byte("\n"))
	for i := range s.Packages {
		for j := range s.Files {
			src, err := File(s, i, j)
			if err != nil {
				return 0, err
			}
			n += bytes.Count(src, []byte("\n"))
		}
	}
	return n, nil
}

// AuthSource is the module's auth package: an AuthProvider, an agent task
// type, and a constructor.
const AuthSource = `// Package auth holds the credentials of the synthetic clients.
package auth

// Provider hands out the full Authorization header value.
type Provider struct {
	token string
}

// NewProvider returns a provider for a bearer token.
func NewProvider(token string) *Provider { return &Provider{token: token} }

// AuthorizationHeaderValue returns the header value.
func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

// BearerToken exposes the raw token.
func (p *Provider) BearerToken() string { return p.token }

// AgentTask is a task an agent runs on a user's behalf.
type AgentTask struct {
	ID       string
	provider *Provider
}

// Provider returns the task's provider.
func (t *AgentTask) Provider() *Provider { return t.provider }
`

// File returns the source of file j of service package i.
func File(s Shape, i, j int) ([]byte, error) {
	g := &gen{s: s, pkg: i, file: j}
	g.header()
	for k := range s.Funcs {
		if k < s.Sinks {
			g.sink(k)
		} else {
			g.filler(k)
		}
	}
	src, err := format.Source(g.buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("synth: generated %s/%s does not parse: %v", s.PackageDir(i), s.FileName(j), err)
	}
	return src, nil
}

type gen struct {
	s         Shape
	pkg, file int
	buf       bytes.Buffer
}

func (g *gen) p(format string, args ...any) { fmt.Fprintf(&g.buf, format, args...) }

// dep is the package this file calls helpers of, or -1.
func (g *gen) dep() int {
	if imps := g.s.Imports(g.pkg); len(imps) > 0 {
		return imps[g.file%len(imps)]
	}
	return -1
}

func (g *gen) header() {
	g.p("// Code in this file is synthetic: a client of service %d.\n\n", g.pkg)
	g.p("package svc%04d\n\nimport (\n", g.pkg)
	g.p("\t\"context\"\n\t\"fmt\"\n\t\"net/http\"\n\t\"strings\"\n\n")
	g.p("\t%q\n", g.s.module()+"/auth")
	for _, d := range g.s.Imports(g.pkg) {
		g.p("\t%q\n", g.s.PackagePath(d))
	}
	g.p(")\n\n")
	// Every import is used whatever the number of functions.
	for _, d := range g.s.Imports(g.pkg) {
		g.p("var _ = svc%04d.Bearer%03d\n", d, 0)
	}
	g.p("var _ = fmt.Sprint\nvar _ = strings.TrimSpace\nvar _ context.Context\n\n")
	f := g.file
	g.p(`// Client%[1]d calls service %[2]d.
type Client%[1]d struct {
	base    string
	token   string
	hc      *http.Client
	p       *auth.Provider
	retries int
}

// NewClient%[1]d returns a client.
func NewClient%[1]d(base, token string, p *auth.Provider) *Client%[1]d {
	return &Client%[1]d{base: strings.TrimSuffix(base, "/"), token: token, hc: http.DefaultClient, p: p}
}

// Bearer%03[1]d builds a bearer header value: a bearer-only helper.
func Bearer%03[1]d(tok string) string { return "Bearer " + tok }

func (c *Client%[1]d) authorize(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+c.token)
}

`, f, g.pkg)
}

// sink writes function k, which holds an authorization sink (or, one in
// ten, a request without any).
func (g *gen) sink(k int) {
	c := fmt.Sprintf("Client%d", g.file)
	g.p("func (c *%s) Call%d(ctx context.Context", c, k)
	variant := (g.pkg*7 + g.file*3 + k) % 10
	if variant == 5 {
		g.p(", task *auth.AgentTask")
	}
	g.p(", id string) (*http.Request, error) {\n")
	g.p("\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+\"/v1/items%d/\"+id, nil)\n", k)
	g.p("\tif err != nil {\n\t\treturn nil, err\n\t}\n")
	switch variant {
	case 0: // hard-coded scheme, literal concatenation
		g.p("\treq.Header.Set(\"Authorization\", \"Bearer \"+c.token)\n")
	case 1: // Sprintf
		g.p("\treq.Header.Set(\"Authorization\", fmt.Sprintf(\"Bearer %%s\", c.token))\n")
	case 2: // a helper of another package (or this one)
		if d := g.dep(); d >= 0 {
			g.p("\treq.Header.Set(\"Authorization\", svc%04d.Bearer%03d(c.token))\n", d, g.file%g.s.Files)
		} else {
			g.p("\treq.Header.Set(\"Authorization\", Bearer%03d(c.token))\n", g.file)
		}
	case 3: // the token comes from a provider: fixable
		g.p("\treq.Header.Set(\"Authorization\", \"Bearer \"+c.p.BearerToken())\n")
	case 4: // migrated
		g.p("\treq.Header.Set(\"Authorization\", c.p.AuthorizationHeaderValue())\n")
	case 5: // holds a task, calls a bearer-only helper without it
		g.p("\tif task != nil && task.ID == \"\" {\n\t\treturn nil, fmt.Errorf(\"task without id\")\n\t}\n")
		g.p("\tc.authorize(req)\n")
	case 6: // needs no authorization
		g.p("\treq.Header.Set(\"Accept\", \"application/json\")\n")
	case 7: // header map literal
		g.p("\treq.Header = http.Header{\"Authorization\": {\"Bearer \" + c.token}, \"Accept\": {\"application/json\"}}\n")
	case 8: // through a local variable
		g.p("\tv := \"Bearer \" + strings.TrimSpace(c.token)\n\treq.Header.Set(\"Authorization\", v)\n")
	case 9: // index assignment
		g.p("\treq.Header[\"Authorization\"] = []string{Bearer%03d(c.token)}\n", g.file)
	}
	g.p("\treturn req, nil\n}\n\n")
}

// filler writes function k, ordinary code without sinks.
func (g *gen) filler(k int) {
	c := fmt.Sprintf("Client%d", g.file)
	switch k % 4 {
	case 0:
		g.p(`func (c *%s) Parse%d(s string) (map[string]int, error) {
	out := map[string]int{}
	for i, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "#") {
			continue
		}
		out[f] += i + c.retries
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("parse %d: empty input %%q", s)
	}
	return out, nil
}

`, c, k, k)
	case 1:
		g.p(`func (c *%s) URL%d(parts ...string) string {
	var b strings.Builder
	b.WriteString(c.base)
	for _, p := range parts {
		b.WriteByte('/')
		b.WriteString(strings.Trim(p, "/"))
	}
	if len(parts) == 0 {
		b.WriteString("/v%d")
	}
	return b.String()
}

`, c, k, k)
	case 2:
		g.p(`func (c *%s) Do%d(req *http.Request) (int, error) {
	var last error
	for attempt := 0; attempt <= c.retries; attempt++ {
		resp, err := c.hc.Do(req)
		if err != nil {
			last = err
			continue
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	return 0, fmt.Errorf("do %d: %%w", last)
}

`, c, k, k)
	case 3:
		g.p(`func summarize%d_%d(items []string, limit int) []string {
	seen := make(map[string]bool, len(items))
	var out []string
	for _, it := range items {
		key := strings.ToLower(strings.TrimSpace(it))
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, fmt.Sprintf("%%d:%%s", len(out), key))
		if len(out) == limit {
			break
		}
	}
	return out
}

`, g.file, k)
	}
}
