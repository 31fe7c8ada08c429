package synth_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/bearercheck/bearercheck/bench/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteBuilds generates a small module of each layout and checks that
// it builds and passes go vet.
func TestWriteBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	for _, s := range []synth.Shape{
		{Packages: 7, Files: 2, Funcs: 14, Sinks: 11},
		{Packages: 3, Files: 1, Funcs: 3, Sinks: 3, Chain: true},
	} {
		dir := t.TempDir()
		require.NoError(t, synth.Write(dir, s))
		for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
			cmd := exec.Command("go", args...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "go %v:\n%s", args, out)
		}
		n, err := synth.Lines(s)
		require.NoError(t, err)
		assert.Positive(t, n)
	}
}

func TestDeterministic(t *testing.T) {
	s := synth.Shape{Packages: 3, Files: 2, Funcs: 12, Sinks: 10}
	a, err := synth.File(s, 2, 1)
	require.NoError(t, err)
	b, err := synth.File(s, 2, 1)
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestValidate(t *testing.T) {
	assert.Error(t, synth.Shape{Packages: 1, Files: 1, Funcs: 2, Sinks: 3}.Validate())
	assert.Error(t, synth.Shape{Files: 1, Funcs: 1}.Validate())
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x"), nil, 0o644))
	assert.Error(t, synth.Write(dir, synth.Shape{Packages: 1, Files: 1, Funcs: 1}), "non-empty directory")
}

func TestLeaves(t *testing.T) {
	s := synth.Shape{Packages: 10}
	for _, l := range s.Leaves() {
		for i := range s.Packages {
			assert.NotContains(t, s.Imports(i), l)
		}
	}
	assert.Equal(t, []int{9}, synth.Shape{Packages: 10, Chain: true}.Leaves())
}
