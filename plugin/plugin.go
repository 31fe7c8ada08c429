// Package plugin is the golangci-lint v2 module plugin of bearercheck.
//
// It registers the linter "bearercheck", which runs the reporting analyzers
// bearerheader, bearerhelper and taskauth (and, through their Requires, the
// fact-producing base analyzer bearerdetect). Build a custom golangci-lint
// from .golangci-plugin.yml with `golangci-lint custom` (which reads it as
// .custom-gcl.yml) or, offline, from the module in internal/golangci/custom,
// and enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [bearercheck]
//	  settings:
//	    custom:
//	      bearercheck:
//	        type: module
//	        description: hard-coded bearer Authorization headers
//	        settings:
//	          provider-method: AuthorizationHeaderValue
//
// The settings are the keys of .bearercheck.yml. Omitted keys keep their
// defaults; golangci-lint settings win over any .bearercheck.yml.
package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// Name is the linter name under which the plugin registers.
const Name = "bearercheck"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the bearercheck linter plugin.
type Plugin struct {
	cfg bearercheck.Config
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes golangci-lint settings (the keys of .bearercheck.yml) over the
// defaults and validates them. Unknown keys and values of the wrong type are
// errors naming the key.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := decode(settings)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	return &Plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns the reporting analyzers. golangci-lint follows
// Requires, so the base analyzer bearerdetect runs (and its facts flow
// across packages) without being listed; it reports nothing itself.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return analyzers.New(bearercheck.NewOptions(p.cfg)).Reporting(), nil
}

// GetLoadMode reports that the analyzers need type information.
func (*Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// decode decodes settings over bearercheck.DefaultConfig.
//
// register.DecodeSettings round-trips the settings through JSON into a new
// zero Config, so on its own an omitted key would come out empty rather
// than default. The keys that were given are therefore taken from the
// decoded Config and copied over a copy of the defaults; the rest keep
// their defaults. A key given as null (an empty YAML value) keeps its
// default too.
func decode(settings any) (bearercheck.Config, error) {
	cfg := bearercheck.DefaultConfig()
	if settings == nil {
		return cfg, nil
	}
	given, err := givenKeys(settings)
	if err != nil {
		return cfg, err
	}
	decoded, err := register.DecodeSettings[bearercheck.Config](settings)
	if err != nil {
		return cfg, reword(err)
	}
	byKey := fields()
	src := reflect.ValueOf(&decoded).Elem()
	dst := reflect.ValueOf(&cfg).Elem()
	for _, key := range given {
		f := byKey[key]
		dst.FieldByIndex(f.Index).Set(src.FieldByIndex(f.Index))
	}
	return cfg, nil
}

// givenKeys returns the keys of settings that have a non-null value. It
// rejects settings that are not a mapping and unknown keys, naming the key.
func givenKeys(settings any) ([]string, error) {
	if k := reflect.ValueOf(settings).Kind(); k != reflect.Map && k != reflect.Struct {
		return nil, fmt.Errorf("settings must be a mapping of keys to values, got %T", settings)
	}
	raw, err := register.DecodeSettings[map[string]json.RawMessage](settings)
	if err != nil {
		return nil, err
	}
	byKey := fields()
	var given, unknown []string
	for k, v := range raw {
		switch _, ok := byKey[k]; {
		case !ok:
			unknown = append(unknown, k)
		case string(v) != "null":
			given = append(given, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("unknown key %q (known keys: %s)", unknown[0], strings.Join(keys(), ", "))
	}
	sort.Strings(given)
	return given, nil
}

// reword names the key in a JSON type error ("token-methods: want a list
// of strings, got string").
func reword(err error) error {
	var ute *json.UnmarshalTypeError
	if !errors.As(err, &ute) || ute.Field == "" {
		return err
	}
	key := ute.Field
	var what string
	switch ute.Type.Kind() {
	case reflect.String:
		what = "a string"
	case reflect.Bool:
		what = "a boolean"
	case reflect.Slice:
		what = "a list of strings"
	default:
		return fmt.Errorf("%s: %w", key, err)
	}
	// A wrong element of a list is reported with the element's type.
	if f, ok := fields()[key]; ok && f.Type.Kind() == reflect.Slice && ute.Type.Kind() != reflect.Slice {
		what = "a list of strings"
	}
	return fmt.Errorf("%s: want %s, got %s", key, what, ute.Value)
}

// fields maps the json keys of bearercheck.Config to its fields.
func fields() map[string]reflect.StructField {
	t := reflect.TypeFor[bearercheck.Config]()
	m := make(map[string]reflect.StructField, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = f
		}
	}
	return m
}

// keys returns the known keys in declaration order.
func keys() []string {
	t := reflect.TypeFor[bearercheck.Config]()
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
