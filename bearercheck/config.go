package bearercheck

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// ConfigFileName is the name of the configuration file looked up by walking
// up from each package's directory.
const ConfigFileName = ".bearercheck.yml"

// The values of the generated setting.
const (
	GeneratedReport = "report"
	GeneratedSkip   = "skip"
)

// Config is the whole configuration of bearercheck. The same struct is read
// from .bearercheck.yml, bound to command-line flags and filled from
// golangci-lint settings; the keys are the same everywhere.
type Config struct {
	// ProviderMethod names the AuthProvider method that returns the full
	// Authorization header value.
	ProviderMethod string `yaml:"provider-method" json:"provider-method"`
	// TokenMethods name the accessors that expose a raw bearer token.
	TokenMethods []string `yaml:"token-methods" json:"token-methods"`
	// AgentTaskTypes are the type names of agent tasks. A name matches a
	// named type of that name; a name starting with "*" matches any type
	// whose name ends with the rest ("*AgentTask" matches RegisteredAgentTask).
	// A name may be qualified with its package path: "example.com/auth.Task".
	AgentTaskTypes []string `yaml:"agent-task-types" json:"agent-task-types"`
	// HeaderSetters are the names of generic header setters called with
	// two string arguments (key, value).
	HeaderSetters []string `yaml:"header-setters" json:"header-setters"`
	// BearerAPIs are functions and methods that put a bearer header on a
	// request by themselves: "pkg/path.Func", "(*pkg/path.T).Method" or
	// "(pkg/path.T).Method".
	BearerAPIs []string `yaml:"bearer-apis" json:"bearer-apis"`
	// Allow lists exempt code: a package path, a package pattern ending in
	// "/...", a function "pkg/path.Func" or a method "pkg/path.T.Method".
	Allow []string `yaml:"allow" json:"allow"`
	// IncludeTests also analyses _test.go files.
	IncludeTests bool `yaml:"include-tests" json:"include-tests"`
	// Generated says what to do with generated files ("// Code generated
	// … DO NOT EDIT."): "report" (the default) reports their sites with no
	// fix and counts them; "skip" leaves them out.
	Generated string `yaml:"generated" json:"generated"`
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

var (
	identRE = regexp.MustCompile(`^[\p{L}_][\p{L}\p{Nd}_]*$`)
	apiRE   = regexp.MustCompile(`^(\(\*?[^()*\s]+\.[\p{L}_][\p{L}\p{Nd}_]*\)\.[\p{L}_][\p{L}\p{Nd}_]*|[^()*\s]+\.[\p{L}_][\p{L}\p{Nd}_]*)$`)
	taskRE  = regexp.MustCompile(`^(\*|([^()*\s]+\.)?)[\p{L}_][\p{L}\p{Nd}_]*$`)
	allowRE = regexp.MustCompile(`^[^()*\s]+$`)
)

// Validate reports the first invalid setting, naming its key.
func (c *Config) Validate() error {
	if c.Generated != GeneratedReport && c.Generated != GeneratedSkip {
		return fmt.Errorf("generated: %q is not %q or %q", c.Generated, GeneratedReport, GeneratedSkip)
	}
	if !identRE.MatchString(c.ProviderMethod) {
		return fmt.Errorf("provider-method: %q is not a method name", c.ProviderMethod)
	}
	check := func(key string, vals []string, re *regexp.Regexp, what string) error {
		for _, v := range vals {
			if !re.MatchString(v) {
				return fmt.Errorf("%s: %q is not %s", key, v, what)
			}
		}
		return nil
	}
	return errors.Join(
		check("token-methods", c.TokenMethods, identRE, "a method name"),
		check("agent-task-types", c.AgentTaskTypes, taskRE, "a type name, *Suffix or pkg/path.Type"),
		check("header-setters", c.HeaderSetters, identRE, "a function or method name"),
		check("bearer-apis", c.BearerAPIs, apiRE, "pkg/path.Func, (pkg/path.T).Method or (*pkg/path.T).Method"),
		check("allow", c.Allow, allowRE, "a package path, pkg/path/..., pkg/path.Func or pkg/path.T.Method"),
	)
}

// ParseConfig decodes a configuration file over the defaults. Unknown keys
// and values of the wrong type are errors naming the key.
func ParseConfig(data []byte) (Config, error) {
	cfg := DefaultConfig()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return cfg, err
	}
	if len(root.Content) == 0 {
		return cfg, nil // an empty file
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return cfg, fmt.Errorf("line %d: want a mapping of settings", doc.Line)
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		p := cfg.field(k.Value)
		if p == nil {
			return cfg, fmt.Errorf("line %d: unknown key %q (known: %s)", k.Line, k.Value, strings.Join(configKeys, ", "))
		}
		if err := v.Decode(p); err != nil {
			msg := strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n  ")
			msg = strings.TrimPrefix(msg, fmt.Sprintf("line %d: ", v.Line))
			return cfg, fmt.Errorf("line %d: %s: %s", v.Line, k.Value, msg)
		}
	}
	return cfg, cfg.Validate()
}

// field returns a pointer to the setting named key, or nil.
func (c *Config) field(key string) any {
	switch key {
	case "provider-method":
		return &c.ProviderMethod
	case "token-methods":
		return &c.TokenMethods
	case "agent-task-types":
		return &c.AgentTaskTypes
	case "header-setters":
		return &c.HeaderSetters
	case "bearer-apis":
		return &c.BearerAPIs
	case "allow":
		return &c.Allow
	case "include-tests":
		return &c.IncludeTests
	case "generated":
		return &c.Generated
	}
	return nil
}

// Options is the run-wide configuration: settings given explicitly (flags
// or golangci-lint settings) and an optional configuration file. Settings
// given explicitly win over any file.
type Options struct {
	Config     Config // explicit settings; only the keys in set count
	ConfigFile string // -config: use this file for every package

	set      map[string]bool
	cache    sync.Map // file path -> *loaded
	reported sync.Map // error -> true, once reported
}

// FirstReport reports whether err (an error of For) is reported for the
// first time: a broken configuration file is reported once per run, not
// once per package.
func (o *Options) FirstReport(err error) bool {
	_, seen := o.reported.LoadOrStore(err, true)
	return !seen
}

type loaded struct {
	cfg *Config
	err error
}

// NewOptions returns options that use cfg as explicit settings for every
// key (as golangci-lint settings do).
func NewOptions(cfg Config) *Options {
	o := &Options{Config: cfg, set: map[string]bool{}}
	for _, k := range configKeys {
		o.set[k] = true
	}
	return o
}

// NewFlagOptions returns options whose settings are explicit only once a flag sets them.
func NewFlagOptions() *Options {
	return &Options{Config: DefaultConfig(), set: map[string]bool{}}
}

var configKeys = []string{"provider-method", "token-methods", "agent-task-types", "header-setters", "bearer-apis", "allow", "include-tests", "generated"}

// RegisterFlags binds every configuration key to fs as -key, plus -config.
func (o *Options) RegisterFlags(fs *flag.FlagSet) {
	c := &o.Config
	fs.StringVar(&o.ConfigFile, "config", o.ConfigFile, "configuration file (default: "+ConfigFileName+" found by walking up from each package's directory)")
	fs.Var(&setFlag{o, "provider-method", stringValue{&c.ProviderMethod}}, "provider-method", "AuthProvider method that returns the full Authorization header value")
	fs.Var(&setFlag{o, "token-methods", listValue{&c.TokenMethods}}, "token-methods", "comma-separated accessor methods that expose a raw bearer token")
	fs.Var(&setFlag{o, "agent-task-types", listValue{&c.AgentTaskTypes}}, "agent-task-types", "comma-separated agent task type names (*Suffix matches a name ending in Suffix)")
	fs.Var(&setFlag{o, "header-setters", listValue{&c.HeaderSetters}}, "header-setters", "comma-separated names of generic header setters called with (key, value)")
	fs.Var(&setFlag{o, "bearer-apis", listValue{&c.BearerAPIs}}, "bearer-apis", "comma-separated APIs that set a bearer header themselves, e.g. (*golang.org/x/oauth2.Token).SetAuthHeader")
	fs.Var(&setFlag{o, "allow", listValue{&c.Allow}}, "allow", "comma-separated exempt packages (pkg/path, pkg/path/...) and functions (pkg/path.Func, pkg/path.T.Method)")
	fs.Var(&setFlag{o, "include-tests", boolValue{&c.IncludeTests}}, "include-tests", "also analyse _test.go files")
	fs.Var(&setFlag{o, "generated", stringValue{&c.Generated}}, "generated", "generated files: report (sites reported with no fix, counted) or skip")
}

// For returns the configuration that applies to a package whose files are
// in dir: the defaults, then the configuration file, then explicit settings.
func (o *Options) For(dir string) (*Config, error) {
	file := o.ConfigFile
	if file == "" && dir != "" && !o.allSet() {
		file = findConfig(dir)
	}
	if v, ok := o.cache.Load(file); ok {
		l := v.(*loaded)
		return l.cfg, l.err
	}
	cfg, err := o.load(file)
	l := &loaded{cfg, err}
	o.cache.Store(file, l)
	return cfg, err
}

// allSet reports whether every key is set explicitly (golangci-lint
// settings): no file found by walking up can change anything then.
func (o *Options) allSet() bool {
	for _, k := range configKeys {
		if !o.set[k] {
			return false
		}
	}
	return true
}

func (o *Options) load(file string) (*Config, error) {
	cfg := DefaultConfig()
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("bearercheck config: %v", err)
		}
		cfg, err = ParseConfig(data)
		if err != nil {
			return nil, fmt.Errorf("bearercheck config %s: %v", file, err)
		}
	}
	for _, k := range configKeys {
		if o.set[k] {
			reflect.ValueOf(cfg.field(k)).Elem().Set(reflect.ValueOf(o.Config.field(k)).Elem())
		}
	}
	if err := cfg.Validate(); err != nil {
		where := "flags"
		if file != "" {
			where = file
		}
		return nil, fmt.Errorf("bearercheck config (%s): %v", where, err)
	}
	return &cfg, nil
}

// findConfig walks up from dir to the file system root looking for
// ConfigFileName, stopping after a directory holding go.mod.
func findConfig(dir string) string {
	for {
		p := filepath.Join(dir, ConfigFileName)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// setFlag records that a key was set explicitly.
type setFlag struct {
	o   *Options
	key string
	flag.Value
}

func (f *setFlag) Set(s string) error {
	if err := f.Value.Set(s); err != nil {
		return err
	}
	f.o.set[f.key] = true
	return nil
}

func (f *setFlag) IsBoolFlag() bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

type stringValue struct{ p *string }

func (v stringValue) String() string {
	if v.p == nil {
		return ""
	}
	return *v.p
}
func (v stringValue) Set(s string) error {
	if !identRE.MatchString(s) {
		return fmt.Errorf("%q is not a method name", s)
	}
	*v.p = s
	return nil
}

type listValue struct{ p *[]string }

func (v listValue) String() string {
	if v.p == nil {
		return ""
	}
	return strings.Join(*v.p, ",")
}
func (v listValue) Set(s string) error {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	*v.p = out
	return nil
}

type boolValue struct{ p *bool }

func (v boolValue) String() string {
	if v.p == nil {
		return "false"
	}
	return fmt.Sprint(*v.p)
}
func (v boolValue) Set(s string) error {
	switch strings.ToLower(s) {
	case "true", "1", "t":
		*v.p = true
	case "false", "0", "f":
		*v.p = false
	default:
		return fmt.Errorf("%q is not a boolean", s)
	}
	return nil
}
func (boolValue) IsBoolFlag() bool { return true }
