package plugin

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/golangci/plugin-module-register/register"
)

// withDefaults returns the defaults changed by f.
func withDefaults(f func(*bearercheck.Config)) bearercheck.Config {
	c := bearercheck.DefaultConfig()
	f(&c)
	return c
}

func TestNewGood(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     bearercheck.Config
	}{
		{"nil", nil, bearercheck.DefaultConfig()},
		{"empty", map[string]any{}, bearercheck.DefaultConfig()},
		{
			"one key keeps the others",
			map[string]any{"provider-method": "HeaderValue"},
			withDefaults(func(c *bearercheck.Config) { c.ProviderMethod = "HeaderValue" }),
		},
		{
			"empty list replaces the default",
			map[string]any{"bearer-apis": []any{}},
			withDefaults(func(c *bearercheck.Config) { c.BearerAPIs = []string{} }),
		},
		{
			"every key",
			map[string]any{
				"provider-method":  "AuthorizationHeaderValue",
				"token-methods":    []any{"BearerToken", "RawToken"},
				"agent-task-types": []any{"Task", "*AgentTask", "example.com/auth.Job"},
				"header-setters":   []any{"Set"},
				"bearer-apis":      []any{"(*golang.org/x/oauth2.Token).SetAuthHeader", "example.com/auth.SetBearer"},
				"allow":            []any{"example.com/legacy/...", "example.com/auth.Static.Header"},
				"include-tests":    true,
				"generated":        "skip",
			},
			bearercheck.Config{
				ProviderMethod: "AuthorizationHeaderValue",
				TokenMethods:   []string{"BearerToken", "RawToken"},
				AgentTaskTypes: []string{"Task", "*AgentTask", "example.com/auth.Job"},
				HeaderSetters:  []string{"Set"},
				BearerAPIs:     []string{"(*golang.org/x/oauth2.Token).SetAuthHeader", "example.com/auth.SetBearer"},
				Allow:          []string{"example.com/legacy/...", "example.com/auth.Static.Header"},
				IncludeTests:   true,
				Generated:      bearercheck.GeneratedSkip,
			},
		},
		{
			// golangci-lint decodes YAML with mapstructure/viper; nested
			// values can come as map[any]any-free typed slices too.
			"typed values",
			map[string]any{"allow": []string{"example.com/x"}, "include-tests": false},
			withDefaults(func(c *bearercheck.Config) { c.Allow = []string{"example.com/x"} }),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lp, err := New(tc.settings)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			got := lp.(*Plugin).cfg
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("config:\n got %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

func TestNewBad(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"provider-method": "X", "provider_method": "Y"}, []string{`unknown key "provider_method"`, "provider-method"}},
		{"yaml-only spelling", map[string]any{"includeTests": true}, []string{`unknown key "includeTests"`}},
		{"not a mapping", []any{"allow"}, []string{"settings must be a mapping"}},
		{"string for list", map[string]any{"token-methods": "BearerToken"}, []string{"token-methods", "list of strings"}},
		{"number in list", map[string]any{"allow": []any{"example.com/x", 3}}, []string{"allow", "list of strings"}},
		{"string for bool", map[string]any{"include-tests": "yes"}, []string{"include-tests", "boolean"}},
		{"list for string", map[string]any{"provider-method": []any{"A"}}, []string{"provider-method", "a string"}},
		{"invalid method", map[string]any{"provider-method": "Authorization Header"}, []string{"provider-method", "not a method name"}},
		{"invalid api", map[string]any{"bearer-apis": []any{"SetAuthHeader"}}, []string{"bearer-apis", `"SetAuthHeader"`}},
		{"invalid allow", map[string]any{"allow": []any{"example.com/a b"}}, []string{"allow"}},
		{"invalid task", map[string]any{"agent-task-types": []any{"**Task"}}, []string{"agent-task-types"}},
		{"invalid generated", map[string]any{"generated": "hide"}, []string{`generated: "hide" is not "report" or "skip"`}},
		{"null", map[string]any{"token-methods": nil, "include-tests": true}, []string{"token-methods: no value"}},
		{"allow that matches nothing", map[string]any{"allow": []any{"./ok"}}, []string{`allow: "./ok" can match nothing`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lp, err := New(tc.settings)
			if err == nil {
				t.Fatalf("New succeeded: %#v", lp)
			}
			if !strings.HasPrefix(err.Error(), "bearercheck settings: ") {
				t.Errorf("error %q does not name the linter", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("bearercheck")
	if err != nil {
		t.Fatal(err)
	}
	lp, err := newPlugin(map[string]any{"include-tests": true})
	if err != nil {
		t.Fatal(err)
	}
	if got := lp.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := lp.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
		if len(a.Requires) != 1 || a.Requires[0].Name != "bearerdetect" || len(a.Requires[0].FactTypes) == 0 {
			t.Errorf("%s does not require the fact-producing bearerdetect", a.Name)
		}
		if a.Requires[0] != as[0].Requires[0] {
			t.Errorf("%s requires a different bearerdetect than %s", a.Name, as[0].Name)
		}
	}
	if want := []string{"bearerheader", "bearerhelper", "taskauth"}; !reflect.DeepEqual(names, want) {
		t.Errorf("analyzers = %v, want %v", names, want)
	}
	// Each call builds fresh analyzers.
	again, _ := lp.BuildAnalyzers()
	if again[0] == as[0] {
		t.Error("BuildAnalyzers returned the same analyzers twice")
	}
}

// TestEveryKey checks that the plugin accepts every key of Config (the
// settings go through the configuration file's decoder).
func TestEveryKey(t *testing.T) {
	def := bearercheck.DefaultConfig()
	v := reflect.ValueOf(def)
	for i, k := range bearercheck.Keys() {
		if _, err := New(map[string]any{k: v.Field(i).Interface()}); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
}
