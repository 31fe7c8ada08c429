package report_test

import (
	"bufio"
	"cmp"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/internal/reporttest"
	"github.com/bearercheck/bearercheck/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestModules renders the reports of the end-to-end modules in every
// format: golden files (go test ./report -update rewrites them), schema
// validation, no credential from the source, and the HTML page in a
// browser.
func TestModules(t *testing.T) {
	for _, module := range []string{"example", "reportmod"} {
		t.Run(module, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", module)
			inv := reporttest.Build(t, dir)
			outputs := map[string][]byte{}
			for _, format := range report.Formats() {
				outputs[format] = report.MustRender(t, inv, format)
			}

			t.Run("golden", func(t *testing.T) {
				for format, out := range outputs {
					if ext, ok := report.GoldenExt[format]; ok {
						report.CheckGolden(t, module+"."+ext, report.GoldenForm(t, format, out))
					}
				}
			})

			t.Run("order", func(t *testing.T) {
				// The formats list in the inventory's order, which is sorted.
				assert.True(t, slices.IsSortedFunc(inv.Packages, func(a, b report.Package) int { return strings.Compare(a.Path, b.Path) }), "packages by path")
				for _, p := range inv.Packages {
					for _, list := range [][]report.Site{p.Sites, p.Migrated, p.Ignored} {
						assert.True(t, slices.IsSortedFunc(list, func(a, b report.Site) int {
							return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
						}), "%s: sites by file and line", p.Path)
					}
				}
				assert.True(t, slices.IsSortedFunc(inv.Helpers, func(a, b report.Helper) int {
					return cmp.Or(strings.Compare(a.Package, b.Package), strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
				}), "helpers by package, file and line")
				if module != "reportmod" {
					return // one module is enough to see that runs agree
				}
				again := reporttest.Build(t, dir)
				for _, format := range report.Formats() {
					assert.Equal(t, string(outputs[format]), string(report.MustRender(t, again, format)), "%s: a second run differs", format)
				}
			})

			t.Run("schema", func(t *testing.T) {
				report.ValidateJSON(t, report.CompileSchema(t), outputs["json"])
				report.ValidateSARIF(t, outputs["sarif"])
			})

			t.Run("secrets", func(t *testing.T) {
				secrets := credentials(t, dir, inv)
				require.NotEmpty(t, secrets, "the module has no hard-coded credential: the test would prove nothing")
				for format, out := range outputs {
					for _, s := range secrets {
						assert.NotContains(t, string(out), s, "%s output holds a credential from the source", format)
					}
				}
			})

			t.Run("chromium", func(t *testing.T) {
				browser := report.Chromium(t)
				file := filepath.Join(t.TempDir(), "report.html")
				require.NoError(t, os.WriteFile(file, outputs["html"], 0o644))
				dom := report.DumpDOM(t, browser, file, "sort=sites:0,sites:0")
				report.CheckFigures(t, dom, inv)
				var want []string
				for _, p := range inv.Packages {
					for _, s := range p.Sites {
						want = append(want, report.Position(s.File, s.Line))
					}
				}
				slices.SortFunc(want, func(a, b string) int { return strings.Compare(report.SortKey(b), report.SortKey(a)) })
				assert.Equal(t, want, report.Column(t, dom, "sites", 0), "sites by location, descending")
			})
		})
	}
}

var literalRE = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")

// credentials returns the credential text of the module's hard-coded
// credentials: the string literals on the line of each such site, less the
// scheme.
func credentials(t *testing.T, dir string, inv *report.Inventory) []string {
	t.Helper()
	var secrets []string
	for _, p := range inv.Packages {
		for _, s := range slices.Concat(p.Sites, p.Ignored) {
			if s.Kind != string(bearercheck.KindHardCoded) {
				continue
			}
			line := sourceLine(t, filepath.Join(dir, s.File), s.Line)
			for _, lit := range literalRE.FindAllString(line, -1) {
				v, err := strconv.Unquote(lit)
				require.NoError(t, err)
				v = strings.TrimSpace(v)
				if len(v) > len("Bearer") && strings.EqualFold(v[:len("Bearer")], "Bearer") {
					v = strings.TrimSpace(v[len("Bearer"):])
				}
				if len(v) >= 6 && !strings.EqualFold(v, "Authorization") {
					secrets = append(secrets, v)
				}
			}
		}
	}
	return secrets
}

func sourceLine(t *testing.T, file string, n int) string {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for i := 1; sc.Scan(); i++ {
		if i == n {
			return sc.Text()
		}
	}
	t.Fatalf("%s has no line %d", file, n)
	return ""
}
