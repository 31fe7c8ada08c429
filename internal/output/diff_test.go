package output

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

// TestDiffGitApply checks that -diff prints a patch that git apply takes
// in the module root, from wherever the run was: paths relative to the
// module root after a/ and b/, as git diff writes them; and that applying
// it gives what -fix writes.
func TestDiffGitApply(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	root := t.TempDir()
	sub := filepath.Join(root, "pkg", "p")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/m\n"), 0o644))
	name := filepath.Join(sub, "p.go")
	require.NoError(t, os.WriteFile(name, []byte(src), 0o644))
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
	require.NoError(t, err)
	secrets := NewSecrets()
	secrets.AddPackage(fset, FileNames(fset, []*ast.File{f}), nil) // no credential line: every line may print
	edits := []analysis.TextEdit{
		{Pos: pos(f, "fmt.Sprintf"), End: pos(f, "))\n}") + 1, NewText: []byte("p.AuthorizationHeaderValue()")},
		{Pos: pos(f, "\t\"fmt\"\n"), End: pos(f, "\t\"net/http\""), NewText: nil},
	}
	t.Chdir(sub) // the run is in a subdirectory of the module
	var patch bytes.Buffer
	_, err = ApplyFixes([]*Finding{finding(fset, f, edits...)}, secrets, true, &patch)
	require.NoError(t, err)
	assert.Contains(t, patch.String(), "--- a/pkg/p/p.go\n+++ b/pkg/p/p.go\n")

	// What -fix writes, on a copy.
	_, err = ApplyFixes([]*Finding{finding(fset, f, edits...)}, secrets, false, &bytes.Buffer{})
	require.NoError(t, err)
	want, err := os.ReadFile(name)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(name, []byte(src), 0o644))

	for _, args := range [][]string{{"init", "-q"}, {"apply", "--check", "-"}, {"apply", "-"}} {
		cmd := exec.Command(git, args...)
		cmd.Dir = root
		cmd.Stdin = bytes.NewReader(patch.Bytes())
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s\npatch:\n%s", args, out, patch.String())
	}
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "git apply of -diff gives what -fix writes")
}
