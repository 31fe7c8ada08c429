package engine_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/bench/synth"
	"github.com/bearercheck/bearercheck/internal/engine"
	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// output prints a graph as the plain run does, text and JSON.
func output(t *testing.T, g *checker.Graph) string {
	t.Helper()
	var text, js bytes.Buffer
	require.NoError(t, g.PrintText(&text, 1))
	require.NoError(t, g.PrintJSON(&js))
	return text.String() + "\n" + js.String()
}

func load(t *testing.T, dir string, mode packages.LoadMode) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: dir, Tests: true}, "./...")
	require.NoError(t, err)
	require.NotEmpty(t, pkgs)
	return pkgs
}

func suite() []*analysis.Analyzer {
	return analyzers.New(config.NewFlagOptions()).Reporting()
}

// run analyses dir with the engine and returns what it prints.
func run(t *testing.T, dir string, cache *engine.Cache) (string, *engine.Result) {
	t.Helper()
	res, err := engine.Analyze(engine.Config{
		Analyzers: suite(),
		Roots:     load(t, dir, engine.LoadMode),
		Cache:     cache,
		Salt:      []byte("test"),
		Keep:      func(*packages.Package, []*checker.Action) any { return nil },
	})
	require.NoError(t, err)
	return output(t, res.Graph), res
}

// TestSameAsChecker: the engine finds exactly what go/analysis/checker
// finds over packages.Load(LoadAllSyntax). The order of a package's
// diagnostics may differ: the checker's follows the order in which
// go/packages happened to parse the files (in parallel), the engine's the
// order of the files.
func TestSameAsChecker(t *testing.T) {
	slowtest.Skip(t)
	dir := "../../testdata/example"
	graph, err := checker.Analyze(suite(), load(t, dir, packages.LoadAllSyntax|packages.NeedModule), nil)
	require.NoError(t, err)
	want := sorted(t, graph)
	require.Contains(t, want, "bearerheader")

	res, err := engine.Analyze(engine.Config{Analyzers: suite(), Roots: load(t, dir, engine.LoadMode)})
	require.NoError(t, err)
	got := sorted(t, res.Graph)
	assert.True(t, want == got, "engine output:\n%s\nchecker output:\n%s", got, want)
}

// sorted prints a graph's text (one diagnostic per line) and JSON output,
// diagnostics sorted.
func sorted(t *testing.T, g *checker.Graph) string {
	var text, js bytes.Buffer
	require.NoError(t, g.PrintText(&text, -1))
	require.NoError(t, g.PrintJSON(&js))
	lines := strings.Split(text.String(), "\n")
	slices.Sort(lines)
	var tree map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(js.Bytes(), &tree))
	for _, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var diags []map[string]any
			if json.Unmarshal(raw, &diags) != nil {
				continue // an error
			}
			slices.SortFunc(diags, func(a, b map[string]any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
			data, err := json.Marshal(diags)
			require.NoError(t, err)
			byAnalyzer[name] = data
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	require.NoError(t, err)
	return strings.Join(lines, "\n") + "\n" + string(data)
}

// TestKeep: Keep sees every root's results while their syntax is alive.
func TestKeep(t *testing.T) {
	var mu sync.Mutex
	seen := 0
	res, err := engine.Analyze(engine.Config{
		Analyzers: suite(),
		Roots:     load(t, "../../testdata/example", engine.LoadMode),
		Keep: func(pkg *packages.Package, _ []*checker.Action) any {
			mu.Lock()
			defer mu.Unlock()
			seen++
			assert.NotNil(t, pkg.TypesInfo, pkg.ID)
			return pkg.ID
		},
	})
	require.NoError(t, err)
	assert.Positive(t, seen)
	assert.Len(t, res.Kept, seen)
	for pkg, v := range res.Kept {
		assert.Equal(t, pkg.ID, v)
		assert.Nil(t, pkg.Syntax, "syntax released")
	}
}

// TestTypesDropBodies: once analysed, a package that others import keeps
// only its declarations' types: the scopes and local variables of its
// function bodies are let go with its syntax.
func TestTypesDropBodies(t *testing.T) {
	slowtest.Skip(t)
	roots := load(t, "../../testdata/example", engine.LoadMode)
	_, err := engine.Analyze(engine.Config{
		Analyzers: suite(),
		Roots:     roots,
		Keep:      func(*packages.Package, []*checker.Action) any { return nil },
	})
	require.NoError(t, err)
	var backend *packages.Package
	for p := range packages.Postorder(roots) {
		if p.PkgPath == "example.com/acmeclient/backend" {
			backend = p
		}
	}
	require.NotNil(t, backend)
	require.NotNil(t, backend.Types.Scope().Lookup("Client"), "declarations kept")
	var locals []string
	var walk func(s *types.Scope)
	walk = func(s *types.Scope) {
		for _, name := range s.Names() {
			if v, ok := s.Lookup(name).(*types.Var); ok && (name == "resp" || name == "list") {
				locals = append(locals, v.String())
			}
		}
		for i := range s.NumChildren() {
			walk(s.Child(i))
		}
	}
	walk(backend.Types.Scope())
	assert.Empty(t, locals, "local variables of function bodies outlive the analysis")
}

// module writes a small synthetic module.
func module(t *testing.T) (string, synth.Shape) {
	dir := t.TempDir()
	s := synth.Shape{Packages: 6, Files: 2, Funcs: 12, Sinks: 10}
	require.NoError(t, synth.Write(dir, s))
	return dir, s
}

// TestIncremental: a warm run takes everything from the cache; after one
// edited file in a package no other imports, only that package is
// analysed; both print exactly what a cold run prints.
func TestIncremental(t *testing.T) {
	slowtest.Skip(t)
	dir, s := module(t)
	cache, err := engine.OpenCache(t.TempDir())
	require.NoError(t, err)

	cold, res := run(t, dir, nil)
	require.Contains(t, cold, "bearerheader")
	total := res.Analysed

	first, res := run(t, dir, cache)
	assert.True(t, cold == first)
	assert.Equal(t, total, res.Analysed)

	warm, res := run(t, dir, cache)
	assert.True(t, cold == warm)
	assert.Zero(t, res.Analysed, "nothing analysed")
	assert.Zero(t, res.Typed)
	assert.Equal(t, total, res.Cached)

	leaf := s.Leaves()[0]
	file := filepath.Join(dir, s.PackageDir(leaf), s.FileName(0))
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	edited := append(src, "\nfunc edited(r *http.Request, tok string) { r.Header.Set(\"Authorization\", \"Bearer \"+tok) }\n"...)
	require.NoError(t, os.WriteFile(file, edited, 0o644))
	coldEdited, _ := run(t, dir, nil)
	require.True(t, cold != coldEdited, "the edit adds a finding")
	warmEdited, res := run(t, dir, cache)
	assert.True(t, coldEdited == warmEdited)
	assert.Equal(t, 1, res.Analysed, "only the edited package")
	assert.Positive(t, res.Read, "its imports' types are read from their export data")
	assert.Zero(t, res.Typed, "nothing is type-checked from source for it")

	// An edit in a package others import: its importers are analysed again,
	// with its new facts.
	file = filepath.Join(dir, s.PackageDir(0), s.FileName(0))
	src, err = os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, bytes.Replace(src, []byte("return \"Bearer \" + tok"), []byte("return tok"), 1), 0o644))
	coldDep, _ := run(t, dir, nil)
	require.True(t, coldEdited != coldDep, "the edit changes findings")
	warmDep, _ := run(t, dir, cache)
	assert.True(t, coldDep == warmDep)
}

// TestBadEntries: entries that are corrupt, truncated or another key's
// are ignored and recomputed.
func TestBadEntries(t *testing.T) {
	slowtest.Skip(t)
	dir, _ := module(t)
	cacheDir := t.TempDir()
	cache, err := engine.OpenCache(cacheDir)
	require.NoError(t, err)
	cold, res := run(t, dir, cache)
	total := res.Analysed

	var entries []string
	require.NoError(t, filepath.Walk(cacheDir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && filepath.Dir(path) != cacheDir { // not trim.txt
			entries = append(entries, path)
		}
		return err
	}))
	require.GreaterOrEqual(t, len(entries), total, "an entry per package, and export data")
	damage := []func(data []byte, i int) []byte{
		func(data []byte, _ int) []byte { return data[:len(data)/2] },                             // truncated
		func(data []byte, _ int) []byte { d := bytes.Clone(data); d[len(d)-1] ^= 0xff; return d }, // corrupt
		func(data []byte, _ int) []byte { return nil },                                            // empty
		func(_ []byte, i int) []byte { // foreign: another entry's bytes
			other, err := os.ReadFile(entries[(i+1)%len(entries)])
			require.NoError(t, err)
			return other
		},
		func(data []byte, _ int) []byte { return append(bytes.Clone(data), "junk"...) }, // extended
	}
	for i, path := range entries {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, damage[i%len(damage)](data, i), 0o644))
	}
	got, res := run(t, dir, cache)
	assert.True(t, cold == got)
	assert.Equal(t, total, res.Analysed, "every damaged entry recomputed")
	got, res = run(t, dir, cache)
	assert.True(t, cold == got)
	assert.Zero(t, res.Analysed, "entries rewritten")
}

// TestConcurrentRuns: runs sharing a cache do not corrupt it.
func TestConcurrentRuns(t *testing.T) {
	slowtest.Skip(t)
	dir, _ := module(t)
	cacheDir := t.TempDir()
	cold, _ := run(t, dir, nil)
	var wg sync.WaitGroup
	outs := make([]string, 4)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cache, err := engine.OpenCache(cacheDir)
			if !assert.NoError(t, err) {
				return
			}
			outs[i], _ = run(t, dir, cache)
		}()
	}
	wg.Wait()
	for _, out := range outs {
		assert.True(t, cold == out)
	}
	cache, err := engine.OpenCache(cacheDir)
	require.NoError(t, err)
	warm, res := run(t, dir, cache)
	assert.True(t, cold == warm)
	assert.Zero(t, res.Analysed)
	matches, err := filepath.Glob(filepath.Join(cacheDir, "*", "*.tmp-*"))
	require.NoError(t, err)
	assert.Empty(t, matches, "no temporary files left")
}

func TestCacheEntries(t *testing.T) {
	c, err := engine.OpenCache(t.TempDir())
	require.NoError(t, err)
	var k1, k2 engine.Key
	k1[0], k2[0] = 1, 2
	_, ok := c.Get(k1)
	assert.False(t, ok)
	require.NoError(t, c.Put(k1, []byte("one")))
	data, ok := c.Get(k1)
	assert.True(t, ok)
	assert.Equal(t, "one", string(data))
	require.NoError(t, c.Put(k1, nil))
	data, ok = c.Get(k1)
	assert.True(t, ok)
	assert.Empty(t, data)
	_, ok = c.Get(k2)
	assert.False(t, ok)
}

// TestCacheSealed: no entry holds what it stores in clear text, nor its
// key; an entry moved under another key's name does not open.
func TestCacheSealed(t *testing.T) {
	c, err := engine.OpenCache(t.TempDir())
	require.NoError(t, err)
	var k1, k2 engine.Key
	k1[0], k2[0] = 1, 2
	const secret = "const Tok = \"sk-live-0123456789abcdef\""
	require.NoError(t, c.Put(k1, []byte(secret)))
	raw, err := os.ReadFile(engine.EntryPath(c, k1))
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "sk-live")
	assert.NotContains(t, string(raw), string(k1[:]))
	assert.NotContains(t, engine.EntryPath(c, k1), k1.String())
	data, ok := c.Get(k1)
	require.True(t, ok)
	assert.Equal(t, secret, string(data))
	require.NoError(t, os.MkdirAll(filepath.Dir(engine.EntryPath(c, k2)), 0o777))
	require.NoError(t, os.WriteFile(engine.EntryPath(c, k2), raw, 0o666))
	_, ok = c.Get(k2)
	assert.False(t, ok, "another key's entry")
	raw[len(raw)-1] ^= 1
	require.NoError(t, os.WriteFile(engine.EntryPath(c, k1), raw, 0o666))
	_, ok = c.Get(k1)
	assert.False(t, ok, "a flipped bit")
}

// TestTrim: opening a cache last trimmed more than a day ago removes the
// entries not used for five days; reading an entry marks it used.
func TestTrim(t *testing.T) {
	dir := t.TempDir()
	c, err := engine.OpenCache(dir)
	require.NoError(t, err)
	var old, used, fresh engine.Key
	old[0], used[0], fresh[0] = 1, 2, 3
	for _, k := range []engine.Key{old, used, fresh} {
		require.NoError(t, c.Put(k, []byte("x")))
	}
	path := func(k engine.Key) string { return engine.EntryPath(c, k) }
	longAgo := time.Now().Add(-6 * 24 * time.Hour)
	for _, k := range []engine.Key{old, used} {
		require.NoError(t, os.Chtimes(path(k), longAgo, longAgo))
	}
	_, ok := c.Get(used) // marks it used
	require.True(t, ok)

	_, err = engine.OpenCache(dir) // trimmed less than a day ago: nothing happens
	require.NoError(t, err)
	assert.FileExists(t, path(old))

	require.NoError(t, os.Chtimes(filepath.Join(dir, "trim.txt"), longAgo, longAgo))
	c, err = engine.OpenCache(dir)
	require.NoError(t, err)
	assert.NoFileExists(t, path(old), "not used for six days")
	for _, k := range []engine.Key{used, fresh} {
		_, ok := c.Get(k)
		assert.True(t, ok)
	}
}

// TestAnalyzerSubset: a run of some analyzers does not take another
// selection's entries (what one reports may depend on which others run).
func TestAnalyzerSubset(t *testing.T) {
	slowtest.Skip(t)
	dir, _ := module(t)
	cache, err := engine.OpenCache(t.TempDir())
	require.NoError(t, err)
	run(t, dir, cache) // all analyzers
	only := func(c *engine.Cache) (string, *engine.Result) {
		res, err := engine.Analyze(engine.Config{
			Analyzers: suite()[1:2],
			Roots:     load(t, dir, engine.LoadMode),
			Cache:     c,
			Salt:      []byte("test"),
		})
		require.NoError(t, err)
		return output(t, res.Graph), res
	}
	cold, _ := only(nil)
	got, res := only(cache)
	assert.True(t, cold == got)
	assert.Positive(t, res.Analysed, "not taken from the other selection's entries")
}
