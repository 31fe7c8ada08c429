package e2e

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bearercheck/bearercheck/internal/slowtest"
)

// TestSDKConsumers runs the report on testdata/sdkmod, programs that call
// pinned public SDKs (their modules come from the module cache: .ci/run
// downloads them). Every line marked "// site" makes an SDK send a raw
// token as a Bearer token: it is a remaining bearer-api site, found from
// the SDK's own code. Nothing else is a site: SDKs with other schemes,
// servers reading headers, clients built from a provider-backed
// *http.Client (whose transport, marked "// migrated", is a migrated
// site). The headline counts exactly the marked lines.
func TestSDKConsumers(t *testing.T) {
	slowtest.Skip(t)
	t.Parallel()
	root, err := moduleRoot()
	require.NoError(t, err)
	dir := filepath.Join(root, "testdata", "sdkmod")

	want := markedLines(t, dir, "// site")
	require.NotEmpty(t, want)

	stdout, stderr, _ := runIn(dir, binary, "report", "-cache=off", "-format", "json", "./...")
	var rep struct {
		Summary struct {
			Remaining, Migrated, Total int
		}
		Packages []struct {
			Sites []struct {
				Kind, File, Message string
				Line                int
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep), "report: %s", stderr)

	var got []string
	for _, p := range rep.Packages {
		for _, s := range p.Sites {
			got = append(got, fmt.Sprintf("%s:%d", s.File, s.Line))
			assert.Equal(t, "bearer-api", s.Kind, "%s:%d: %s", s.File, s.Line, s.Message)
			assert.Contains(t, s.Message, "sets a Bearer Authorization header; ", "%s:%d", s.File, s.Line)
		}
	}
	slices.Sort(got)
	assert.Equal(t, want, got, "the sites are the lines marked // site")
	assert.Equal(t, len(want), rep.Summary.Remaining, "the headline counts every SDK site as remaining")
	migrated := markedLines(t, dir, "// migrated")
	assert.Equal(t, len(migrated), rep.Summary.Migrated, "the provider-backed transport is migrated")
	assert.Equal(t, len(want)+len(migrated), rep.Summary.Total)
}

// markedLines returns, sorted, file:line (slash-separated, relative to
// dir) of every line of the module's Go files that ends with marker.
func markedLines(t *testing.T, dir, marker string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasSuffix(strings.TrimSpace(line), marker) {
				out = append(out, fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1))
			}
		}
		return nil
	})
	require.NoError(t, err)
	slices.Sort(out)
	return out
}
