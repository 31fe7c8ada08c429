package bearercheck

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
)

// The values of the generated setting.
const (
	GeneratedReport = "report"
	GeneratedSkip   = "skip"
)

// Config is the whole configuration of bearercheck. The same struct is read
// from .bearercheck.yml, bound to command-line and analyzer flags and
// filled from golangci-lint settings, all by package config; this package
// says what each key means (its default here, its check and compiled form
// in match.go) and reads no file, flag or YAML.
//
// Its fields are the one declaration of the configuration keys: the json
// tag is the key (in the file, in golangci-lint settings and as a flag
// name), the usage tag the flag's help, and the field's type (string,
// []string or bool) how it is decoded. Adding a key is adding a field (and
// its default in DefaultConfig and its check in Compile, if any).
type Config struct {
	// ProviderMethod names the AuthProvider method that returns the full
	// Authorization header value.
	ProviderMethod string `json:"provider-method" usage:"AuthProvider method that returns the full Authorization header value"`
	// TokenMethods name the accessors that expose a raw bearer token.
	TokenMethods []string `json:"token-methods" usage:"accessor methods that expose a raw bearer token"`
	// AgentTaskTypes are the type names of agent tasks. A name matches a
	// named type of that name; a name starting with "*" matches any type
	// whose name ends with the rest ("*AgentTask" matches RegisteredAgentTask).
	// A name may be qualified with its package path: "example.com/auth.Task".
	AgentTaskTypes []string `json:"agent-task-types" usage:"agent task types: Name, *Suffix (a name ending in Suffix) or pkg/path.Type"`
	// HeaderSetters are the names of generic header setters called with
	// two string arguments (key, value).
	HeaderSetters []string `json:"header-setters" usage:"names of generic header setters called with (key, value)"`
	// BearerAPIs are functions and methods that put a bearer header on a
	// request by themselves: "pkg/path.Func", "(*pkg/path.T).Method" or
	// "(pkg/path.T).Method".
	BearerAPIs []string `json:"bearer-apis" usage:"APIs that set a bearer header themselves: pkg/path.Func or (*pkg/path.T).Method"`
	// Allow lists exempt code: a package path, a package pattern ending in
	// "/...", a function "pkg/path.Func" or a method "pkg/path.T.Method".
	Allow []string `json:"allow" usage:"exempt packages (pkg/path, pkg/path/...) and functions (pkg/path.Func, pkg/path.T.Method)"`
	// IncludeTests also analyses _test.go files.
	IncludeTests bool `json:"include-tests" usage:"also analyse _test.go files"`
	// Generated says what to do with generated files ("// Code generated
	// … DO NOT EDIT."): "report" (the default) reports their sites with no
	// fix and counts them; "skip" leaves them out.
	Generated string `json:"generated" usage:"generated files: report (sites reported with no fix, counted) or skip"`
	// TokenAdapter names how the migration fix turns a raw token into an
	// AuthProvider: a function "pkg/path.Func" of shape func(string) P, or
	// a struct field "pkg/path.Type.Field" (the fix writes
	// &Type{Field: tok} or Type{Field: tok}). Unset: discovered when
	// exactly one type qualifies.
	TokenAdapter string `json:"token-adapter" usage:"how a raw token becomes an AuthProvider: pkg/path.Func (func(string) P) or pkg/path.Type.Field"`
	// ProviderType names the interface with the provider method that new
	// parameters and fields are declared with: "pkg/path.Type". Unset:
	// discovered when exactly one interface qualifies.
	ProviderType string `json:"provider-type" usage:"the AuthProvider interface new parameters and fields are declared with: pkg/path.Type"`
}

// DefaultConfig returns the configuration used when nothing is configured.
func DefaultConfig() Config {
	return Config{
		ProviderMethod: "AuthorizationHeaderValue",
		TokenMethods:   []string{"BearerToken"},
		AgentTaskTypes: []string{"AgentTask", "*AgentTask"},
		HeaderSetters:  []string{"Set", "Add", "SetHeader", "AddHeader", "Header", "WithHeader"},
		BearerAPIs: []string{
			"(*golang.org/x/oauth2.Token).SetAuthHeader",
			"(*github.com/go-resty/resty/v2.Client).SetAuthToken",
			"(*github.com/go-resty/resty/v2.Request).SetAuthToken",
			"(*github.com/go-resty/resty/v3.Client).SetAuthToken",
			"(*github.com/go-resty/resty/v3.Request).SetAuthToken",
			"(*github.com/imroc/req/v3.Client).SetCommonBearerAuthToken",
			"(*github.com/imroc/req/v3.Request).SetBearerAuthToken",
		},
		Generated: GeneratedReport,
	}
}

// A Key is one configuration key, derived from a field of Config.
type Key struct {
	Name, Usage string
	Kind        reflect.Kind // String, Slice (of strings) or Bool
	index       int
}

// keys are the configuration keys in declaration order.
var keys = func() []Key {
	t := reflect.TypeFor[Config]()
	out := make([]Key, t.NumField())
	for i := range out {
		f := t.Field(i)
		out[i] = Key{Name: f.Tag.Get("json"), Usage: f.Tag.Get("usage"), index: i, Kind: f.Type.Kind()}
	}
	return out
}()

// Keys returns the names of the configuration keys in declaration order.
func Keys() []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.Name
	}
	return out
}

// ConfigKeys returns the configuration keys in declaration order.
func ConfigKeys() []Key { return append([]Key(nil), keys...) }

// LookupKey returns the key named name.
func LookupKey(name string) (Key, bool) {
	for _, k := range keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// Field returns the setting k of c, settable.
func (c *Config) Field(k Key) reflect.Value { return reflect.ValueOf(c).Elem().Field(k.index) }

// CheckKey reports whether the setting k of c is valid; the error is a
// *SettingError.
func (c *Config) CheckKey(k Key) error { return c.check(k) }

// Validate reports every invalid setting, naming its key.
func (c *Config) Validate() error {
	_, err := c.Compile()
	return err
}

// A SettingError is an invalid setting: the key, and the line of the
// file it is on (0 when it did not come from a file; package config sets
// it).
type SettingError struct {
	Line int
	Key  string
	Msg  string
}

func (e *SettingError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

var identRE = regexp.MustCompile(`^[\p{L}_][\p{L}\p{Nd}_]*$`)
