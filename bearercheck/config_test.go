package bearercheck

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultConfigIsValid(t *testing.T) {
	cfg := DefaultConfig()
	require.NoError(t, cfg.Validate())
}

func TestParseConfig(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, err string
		check           func(*testing.T, Config)
	}{
		{name: "empty file keeps defaults", yaml: "", check: func(t *testing.T, c Config) {
			assert.Equal(t, DefaultConfig(), c)
		}},
		{name: "keys override", yaml: "provider-method: HeaderValue\ninclude-tests: true\nagent-task-types: [Job]\n", check: func(t *testing.T, c Config) {
			assert.Equal(t, "HeaderValue", c.ProviderMethod)
			assert.True(t, c.IncludeTests)
			assert.Equal(t, []string{"Job"}, c.AgentTaskTypes)
			assert.Equal(t, DefaultConfig().TokenMethods, c.TokenMethods, "unset keys keep their defaults")
		}},
		{name: "unknown key", yaml: "provider-methd: X\n", err: `unknown key "provider-methd"`},
		{name: "wrong type", yaml: "include-tests: [1]\n", err: "include-tests"},
		{name: "bad method name", yaml: "provider-method: \"not a name\"\n", err: "provider-method"},
		{name: "bad api", yaml: "bearer-apis: [\"(*x.T.M\"]\n", err: "bearer-apis"},
		{name: "bad allow", yaml: "allow: [\"a b\"]\n", err: "allow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := ParseConfig([]byte(tc.yaml))
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

func TestOptionsFileAndFlags(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(root, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	write("go.mod", "module m\n")
	write(ConfigFileName, "provider-method: FromFile\ntoken-methods: [Tok]\n")
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
	_, err := NewFlagOptions().For("")
	require.NoError(t, err)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func TestExplicitSettingsIgnoreFiles(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, ConfigFileName), []byte("nope: 1\n"), 0o644))
	cfg := DefaultConfig()
	cfg.ProviderMethod = "HeaderValue"
	got, err := NewOptions(cfg).For(root)
	require.NoError(t, err, "golangci-lint settings set every key: the file cannot matter")
	assert.Equal(t, "HeaderValue", got.ProviderMethod)
}
