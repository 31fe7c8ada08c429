package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, err string
		check           func(*testing.T, bearercheck.Config)
	}{
		{name: "empty file keeps defaults", yaml: "", check: func(t *testing.T, c bearercheck.Config) {
			assert.Equal(t, bearercheck.DefaultConfig(), c)
		}},
		{name: "keys override", yaml: "provider-method: HeaderValue\ninclude-tests: true\nagent-task-types: [Job]\n", check: func(t *testing.T, c bearercheck.Config) {
			assert.Equal(t, "HeaderValue", c.ProviderMethod)
			assert.True(t, c.IncludeTests)
			assert.Equal(t, []string{"Job"}, c.AgentTaskTypes)
			assert.Equal(t, bearercheck.DefaultConfig().TokenMethods, c.TokenMethods, "unset keys keep their defaults")
		}},
		{name: "unknown key", yaml: "provider-methd: X\n", err: `unknown key "provider-methd"`},
		{name: "wrong type", yaml: "include-tests: [1]\n", err: "include-tests"},
		{name: "bad method name", yaml: "provider-method: \"not a name\"\n", err: "provider-method"},
		{name: "bad api", yaml: "bearer-apis: [\"(*x.T.M\"]\n", err: "bearer-apis"},
		{name: "bad allow", yaml: "allow: [\"a b\"]\n", err: "allow"},
		{name: "relative allow", yaml: "provider-method: X\nallow: [./ok]\n", err: `line 2: allow: "./ok" can match nothing`},
		{name: "trailing slash", yaml: "allow: [example.com/a/]\n", err: `allow: "example.com/a/" can match nothing`},
		{name: "empty tree", yaml: "allow: [/...]\n", err: "can match nothing"},
		{name: "null", yaml: "allow: null\n", err: "line 1: allow: no value"},
		{name: "empty value", yaml: "allow:\n", err: "allow: no value"},
		{name: "duplicate key", yaml: "allow: [a]\nallow: [b]\n", err: "line 2: allow: given twice (first on line 1)"},
		{name: "second document", yaml: "allow: [a]\n---\ninclude-tests: true\n", err: "line 3: a second YAML document"},
		{name: "empty second document", yaml: "allow: [a]\n---\n", check: func(t *testing.T, c bearercheck.Config) { assert.Equal(t, []string{"a"}, c.Allow) }},
		{name: "not a mapping", yaml: "- allow\n", err: "must be a mapping"},
		{name: "string for list", yaml: "token-methods: BearerToken\n", err: `line 1: token-methods: want a list of strings, got "BearerToken"`},
		{name: "number in list", yaml: "token-methods: [A, 3]\n", err: "token-methods: want a list of strings, got 3 in the list"},
		{name: "every error", yaml: "provider-method: \"a b\"\ntoken-methods: [\"c d\"]\n", err: "line 2: token-methods"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Parse([]byte(tc.yaml))
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			tc.check(t, cfg)
		})
	}
}

// TestKeys checks that the keys come from Config's fields, in order, and
// that each one is a flag.
func TestKeys(t *testing.T) {
	want := []string{"provider-method", "token-methods", "agent-task-types", "header-setters", "bearer-apis", "allow", "include-tests", "generated", "token-adapter", "provider-type"}
	assert.Equal(t, want, bearercheck.Keys())
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	NewFlagOptions().RegisterFlags(fs)
	for _, k := range append(want, "config") {
		assert.NotNil(t, fs.Lookup(k), k)
	}
}

// TestSameErrors checks that a file and golangci-lint settings give the
// same error for the same mistake (the settings have no lines).
func TestSameErrors(t *testing.T) {
	for _, tc := range []struct {
		yaml     string
		settings map[string]any
	}{
		{"include-tests: yes please\n", map[string]any{"include-tests": "yes please"}},
		{"allow: [example.com/a/]\n", map[string]any{"allow": []any{"example.com/a/"}}},
		{"allow: null\n", map[string]any{"allow": nil}},
		{"alow: [a]\n", map[string]any{"alow": []any{"a"}}},
	} {
		_, ferr := Parse([]byte(tc.yaml))
		_, serr := DecodeSettings(tc.settings)
		require.Error(t, ferr)
		require.Error(t, serr)
		assert.Equal(t, strings.TrimPrefix(ferr.Error(), "line 1: "), serr.Error())
	}
}

func TestOptionsFileAndFlags(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(root, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	write("go.mod", "module m\n")
	write(FileName, "provider-method: FromFile\ntoken-methods: [Tok]\n")
	write("a/b/x.go", "package b\n")
	write("other/go.mod", "module other\n")

	opts := NewFlagOptions()
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	opts.RegisterFlags(fs)
	require.NoError(t, fs.Parse([]string{"-token-methods=A,B"}))

	cfg, err := opts.For(filepath.Join(root, "a", "b"))
	require.NoError(t, err)
	assert.Equal(t, "FromFile", cfg.ProviderMethod, "found by walking up")
	assert.Equal(t, []string{"A", "B"}, cfg.TokenMethods, "flags win over the file")

	cfg, err = opts.For(filepath.Join(root, "other"))
	require.NoError(t, err)
	assert.Equal(t, "AuthorizationHeaderValue", cfg.ProviderMethod, "the walk stops at a module root")

	write("bad.yml", "nope: 1\n")
	opts.ConfigFile = filepath.Join(root, "bad.yml")
	_, err = opts.For(filepath.Join(root, "a"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.yml")
	assert.Contains(t, err.Error(), "nope")

	opts.ConfigFile = filepath.Join(root, "missing.yml")
	_, err = opts.For(root)
	require.Error(t, err)
}

func TestFlagValidation(t *testing.T) {
	opts := NewFlagOptions()
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(new(discard))
	opts.RegisterFlags(fs)
	assert.Error(t, fs.Parse([]string{"-provider-method=not valid"}))
	assert.Error(t, fs.Parse([]string{"-include-tests=maybe"}))
	assert.Error(t, fs.Parse([]string{"-allow=./ok"}))
	assert.Equal(t, bearercheck.DefaultConfig(), opts.Config, "an invalid flag changes nothing")
	assert.Error(t, fs.Parse([]string{"-config=" + filepath.Join(t.TempDir(), "missing.yml")}), "-config is read when set")
	_, err := NewFlagOptions().For("")
	require.NoError(t, err)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func TestExplicitSettingsIgnoreFiles(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, FileName), []byte("nope: 1\n"), 0o644))
	cfg := bearercheck.DefaultConfig()
	cfg.ProviderMethod = "HeaderValue"
	got, err := NewOptions(cfg).For(root)
	require.NoError(t, err, "golangci-lint settings set every key: the file cannot matter")
	assert.Equal(t, "HeaderValue", got.ProviderMethod)
}

// TestMigrationKeys checks the syntax of token-adapter and provider-type:
// an error names the key.
func TestMigrationKeys(t *testing.T) {
	for _, ok := range []string{
		"token-adapter: example.com/acme/auth.FromToken\n",
		"token-adapter: example.com/acme/auth.CoreAuthProvider.Token\n",
		"provider-type: example.com/acme/auth.Provider\n",
	} {
		_, err := Parse([]byte(ok))
		assert.NoError(t, err, ok)
	}
	for _, bad := range []string{
		"token-adapter: FromToken\n",
		"token-adapter: example.com/auth.A.B.C\n",
		"provider-type: Provider\n",
	} {
		_, err := Parse([]byte(bad))
		require.Error(t, err, bad)
		key, _, _ := strings.Cut(bad, ":")
		assert.Contains(t, err.Error(), key)
	}
}
