// Package layers checks that the packages keep to their layers: the
// detection core reads no file, flag or YAML (package config does).
package layers

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/bearercheck/bearercheck/"

// list runs go list with the format on pkg and returns its lines.
func list(t *testing.T, format, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", format, module+pkg).CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", pkg, err, out)
	}
	return strings.Fields(string(out))
}

// TestCoreReadsNoConfigurationSource checks that the core neither imports
// flag or os itself nor depends on a YAML package: configuration parsing
// lives in bearercheck/config.
func TestCoreReadsNoConfigurationSource(t *testing.T) {
	for _, imp := range list(t, `{{join .Imports " "}}`, "bearercheck") {
		if imp == "flag" || imp == "os" {
			t.Errorf("bearercheck imports %s", imp)
		}
	}
	deps := list(t, `{{join .Deps " "}}`, "bearercheck")
	if i := slices.IndexFunc(deps, func(d string) bool { return strings.Contains(d, "yaml") }); i >= 0 {
		t.Errorf("bearercheck depends on %s", deps[i])
	}
}

// TestReportIsDataInRenderOut checks that package report depends on
// neither the engine, the driver nor the analyzers: it is handed plain
// data (fragments made by internal/inventory) and renders it.
func TestReportIsDataInRenderOut(t *testing.T) {
	for _, dep := range list(t, `{{join .Deps " "}}`, "report") {
		for _, banned := range []string{"internal/engine", "internal/driver", "internal/inventory", "analyzers", "golang.org/x/tools/go/analysis"} {
			p := banned
			if !strings.Contains(banned, ".") {
				p = module + banned
			}
			if dep == p || strings.HasPrefix(dep, p+"/") {
				t.Errorf("report depends on %s", dep)
			}
		}
	}
}
