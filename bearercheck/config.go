package bearercheck

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
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
// from .bearercheck.yml, bound to command-line and analyzer flags and
// filled from golangci-lint settings.
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

// A key is one configuration key, derived from a field of Config.
type key struct {
	name, usage string
	index       int
	kind        reflect.Kind // String, Slice (of strings) or Bool
}

// keys are the configuration keys in declaration order.
var keys = func() []key {
	t := reflect.TypeFor[Config]()
	out := make([]key, t.NumField())
	for i := range out {
		f := t.Field(i)
		out[i] = key{name: f.Tag.Get("json"), usage: f.Tag.Get("usage"), index: i, kind: f.Type.Kind()}
	}
	return out
}()

// Keys returns the configuration keys in declaration order.
func Keys() []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.name
	}
	return out
}

func lookupKey(name string) (key, bool) {
	for _, k := range keys {
		if k.name == name {
			return k, true
		}
	}
	return key{}, false
}

// field returns the setting k of c.
func (c *Config) field(k key) reflect.Value { return reflect.ValueOf(c).Elem().Field(k.index) }

// Validate reports every invalid setting, naming its key.
func (c *Config) Validate() error {
	_, err := c.Compile()
	return err
}

// ParseConfig decodes a configuration file over the defaults. Unknown
// keys, keys given twice or without a value, values of the wrong type and
// values that can match nothing are errors naming the key and line.
func ParseConfig(data []byte) (Config, error) {
	cfg := DefaultConfig()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return cfg, nil // an empty file
	} else if err != nil {
		return cfg, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != nil && err != io.EOF {
		return cfg, err
	} else if err == nil && len(extra.Content) > 0 && extra.Content[0].Tag != "!!null" {
		return cfg, fmt.Errorf("line %d: a second YAML document; put every setting in one", extra.Content[0].Line)
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	lines, err := decode(&cfg, doc.Content[0])
	if err != nil {
		return cfg, err
	}
	_, err = cfg.compile(lines)
	return cfg, err
}

// DecodeSettings decodes settings given as a value (golangci-lint's
// settings: maps, lists, strings and booleans) over the defaults, through
// the same decoder as the configuration file and with the same errors.
func DecodeSettings(settings any) (Config, error) {
	cfg := DefaultConfig()
	if settings == nil {
		return cfg, nil
	}
	data, err := yaml.Marshal(settings)
	if err != nil {
		return cfg, fmt.Errorf("settings must be a mapping of keys to values: %v", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return cfg, err
	}
	if _, err := decode(&cfg, doc.Content[0]); err != nil {
		return cfg, noLines(err)
	}
	_, err = cfg.Compile()
	return cfg, err
}

// noLines drops the line numbers of errors about values that were not
// written in a file.
func noLines(err error) error {
	var e *settingError
	if errors.As(err, &e) {
		e.line = 0
	}
	return err
}

// decode decodes a YAML mapping over cfg and returns the line of each key.
func decode(cfg *Config, m *yaml.Node) (map[string]int, error) {
	if m.Kind == yaml.AliasNode {
		m = m.Alias
	}
	if m.Kind != yaml.MappingNode {
		return nil, &settingError{line: m.Line, msg: "settings must be a mapping of keys to values, got " + describeNode(m)}
	}
	lines := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		kn, v := m.Content[i], m.Content[i+1]
		k, ok := lookupKey(kn.Value)
		if !ok {
			return nil, &settingError{line: kn.Line, msg: fmt.Sprintf("unknown key %q (known: %s)", kn.Value, strings.Join(Keys(), ", "))}
		}
		if first, dup := lines[k.name]; dup {
			return nil, &settingError{line: kn.Line, key: k.name, msg: fmt.Sprintf("given twice (first on line %d)", first)}
		}
		lines[k.name] = kn.Line
		if err := decodeValue(cfg.field(k), k, v); err != nil {
			return nil, &settingError{line: v.Line, key: k.name, msg: err.Error()}
		}
	}
	return lines, nil
}

// decodeValue decodes one value of the kind of k.
func decodeValue(dst reflect.Value, k key, v *yaml.Node) error {
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return errors.New("no value (remove the key to keep its default; [] is an empty list)")
	}
	isStr := func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!str" }
	switch k.kind {
	case reflect.String:
		if !isStr(v) {
			return fmt.Errorf("want a string, got %s", describeNode(v))
		}
		dst.SetString(v.Value)
	case reflect.Bool:
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			return fmt.Errorf("want a boolean, got %s", describeNode(v))
		}
		var b bool
		if err := v.Decode(&b); err != nil {
			return fmt.Errorf("want a boolean, got %s", describeNode(v))
		}
		dst.SetBool(b)
	case reflect.Slice:
		if v.Kind != yaml.SequenceNode {
			return fmt.Errorf("want a list of strings, got %s", describeNode(v))
		}
		list := make([]string, 0, len(v.Content))
		for _, e := range v.Content {
			if e.Kind == yaml.AliasNode {
				e = e.Alias
			}
			if !isStr(e) {
				return fmt.Errorf("want a list of strings, got %s in the list", describeNode(e))
			}
			list = append(list, e.Value)
		}
		dst.Set(reflect.ValueOf(list))
	}
	return nil
}

// describeNode names what a YAML value is, for errors.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!str" {
			return fmt.Sprintf("%q", n.Value)
		}
		return n.Value
	}
	return "nothing"
}

// A settingError is an invalid setting: the key, and the line of the
// file it is on (0 when it did not come from a file).
type settingError struct {
	line int
	key  string
	msg  string
}

func (e *settingError) Error() string {
	var b strings.Builder
	if e.line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.line)
	}
	if e.key != "" {
		b.WriteString(e.key + ": ")
	}
	b.WriteString(e.msg)
	return b.String()
}

// Options is the run-wide configuration: settings given explicitly (flags
// or golangci-lint settings) and an optional configuration file. Settings
// given explicitly win over any file.
//
// Options read configuration files; they hold no state that changes what
// For returns for the same files and flags (the cache is keyed on each
// file's content).
type Options struct {
	Config     Config // explicit settings; only the keys in set count
	ConfigFile string // -config: use this file for every package
	// NoWalk turns off looking for .bearercheck.yml above each package:
	// the configuration is the defaults, ConfigFile and the explicit
	// settings only (hermetic, for build systems such as Bazel's nogo).
	NoWalk bool
	// Reporting are the kinds of findings the driver reports (zero: all),
	// which decides the one analyzer that reports each problem of an
	// ignore directive.
	Reporting Finding

	set   map[string]bool
	setBy map[string]setting // RegisterSharedFlags: key -> the flag that set it
	cache sync.Map           // file path + "\x00" + content -> *loaded
}

// setting records which analyzer's flag set a key, to what.
type setting struct{ owner, value string }

type loaded struct {
	cfg *Compiled
	err error
}

// NewOptions returns options that use cfg as explicit settings for every
// key (as golangci-lint settings do).
func NewOptions(cfg Config) *Options {
	o := &Options{Config: cfg, set: map[string]bool{}}
	for _, k := range keys {
		o.set[k.name] = true
	}
	return o
}

// NewFlagOptions returns options whose settings are explicit only once a flag sets them.
func NewFlagOptions() *Options {
	return &Options{Config: DefaultConfig(), set: map[string]bool{}}
}

// RegisterFlags binds every configuration key to fs as -key, plus
// -config. A bad value, or a -config file that does not parse, is an error
// of the flag.
func (o *Options) RegisterFlags(fs *flag.FlagSet) { o.RegisterSharedFlags(fs, "") }

// RegisterSharedFlags is RegisterFlags for options that several
// analyzers' flag sets share (the exported Analyzer variables): owner names
// the analyzer, and a key set through two analyzers to different values
// is an error of the second flag, whichever order they are set in.
func (o *Options) RegisterSharedFlags(fs *flag.FlagSet, owner string) {
	fs.Var(&configFlag{o, owner}, "config", "configuration file (default: "+ConfigFileName+" found by walking up from each package's directory)")
	for _, k := range keys {
		usage := k.usage
		if k.kind == reflect.Slice {
			usage = "comma-separated " + usage
		}
		fs.Var(&keyFlag{o, k, owner}, k.name, usage)
	}
}

// shared records that owner sets key to value, or reports a conflict with
// another analyzer's flag.
func (o *Options) shared(key, owner, value string) error {
	if owner == "" {
		return nil
	}
	if prev, ok := o.setBy[key]; ok && prev.owner != owner && prev.value != value {
		return fmt.Errorf("%s is also set to %q on %s: the analyzers share one configuration (set it on bearerdetect)", key, prev.value, prev.owner)
	}
	if o.setBy == nil {
		o.setBy = map[string]setting{}
	}
	o.setBy[key] = setting{owner, value}
	return nil
}

// keyFlag is the flag of one key: it sets the key explicitly.
type keyFlag struct {
	o     *Options
	k     key
	owner string
}

func (f *keyFlag) String() string {
	if f == nil || f.o == nil {
		return ""
	}
	v := f.o.Config.field(f.k)
	switch f.k.kind {
	case reflect.Slice:
		return strings.Join(v.Interface().([]string), ",")
	default:
		return fmt.Sprint(v.Interface())
	}
}

func (f *keyFlag) Set(s string) error {
	c := f.o.Config // a copy: the flag is set only when valid
	dst := c.field(f.k)
	switch f.k.kind {
	case reflect.String:
		dst.SetString(s)
	case reflect.Bool:
		switch strings.ToLower(s) {
		case "true", "1", "t":
			dst.SetBool(true)
		case "false", "0", "f":
			dst.SetBool(false)
		default:
			return fmt.Errorf("%q is not a boolean", s)
		}
	case reflect.Slice:
		list := []string{}
		for _, e := range strings.Split(s, ",") {
			if e = strings.TrimSpace(e); e != "" {
				list = append(list, e)
			}
		}
		dst.Set(reflect.ValueOf(list))
	}
	if err := c.check(f.k); err != nil {
		var e *settingError
		if errors.As(err, &e) {
			return errors.New(e.msg)
		}
		return err
	}
	if err := f.o.shared(f.k.name, f.owner, s); err != nil {
		return err
	}
	f.o.Config.field(f.k).Set(dst)
	f.o.set[f.k.name] = true
	return nil
}

func (f *keyFlag) IsBoolFlag() bool { return f.k.kind == reflect.Bool }

// configFlag is -config: the file is read and validated when the flag is set.
type configFlag struct {
	o     *Options
	owner string
}

func (f *configFlag) String() string {
	if f == nil || f.o == nil {
		return ""
	}
	return f.o.ConfigFile
}

func (f *configFlag) Set(s string) error {
	if _, err := f.o.load(s); err != nil {
		return err
	}
	if err := f.o.shared("config", f.owner, s); err != nil {
		return err
	}
	f.o.ConfigFile = s
	return nil
}

// For returns the configuration that applies to a package whose files are
// in dir: the defaults, then the configuration file, then explicit settings.
func (o *Options) For(dir string) (*Compiled, error) {
	file := o.ConfigFile
	if file == "" && dir != "" && !o.NoWalk && !o.allSet() {
		file = findConfig(dir)
	}
	return o.load(file)
}

// Check validates the configuration of every directory in dirs, before
// analysis. It returns one error per distinct problem (a file that is
// invalid for many packages is one error), in the order of dirs.
func (o *Options) Check(dirs []string) error {
	var errs []error
	seen := map[string]bool{}
	for _, dir := range dirs {
		if _, err := o.For(dir); err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// allSet reports whether every key is set explicitly (golangci-lint
// settings): no file found by walking up can change anything then.
func (o *Options) allSet() bool {
	for _, k := range keys {
		if !o.set[k.name] {
			return false
		}
	}
	return true
}

// load returns the configuration of file ("" for none) with the explicit
// settings over it.
func (o *Options) load(file string) (*Compiled, error) {
	var data []byte
	if file != "" {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return nil, fmt.Errorf("bearercheck config: %v", err)
		}
	}
	ck := file + "\x00" + string(data)
	if v, ok := o.cache.Load(ck); ok {
		l := v.(*loaded)
		return l.cfg, l.err
	}
	cfg, err := o.compile(file, data)
	v, _ := o.cache.LoadOrStore(ck, &loaded{cfg, err})
	l := v.(*loaded)
	return l.cfg, l.err
}

func (o *Options) compile(file string, data []byte) (*Compiled, error) {
	cfg := DefaultConfig()
	if file != "" {
		var err error
		cfg, err = ParseConfig(data)
		if err != nil {
			return nil, fmt.Errorf("bearercheck config %s: %v", file, err)
		}
	}
	for _, k := range keys {
		if o.set[k.name] {
			cfg.field(k).Set(o.Config.field(k))
		}
	}
	c, err := cfg.Compile()
	if err != nil {
		where := "flags"
		if file != "" {
			where = file + " and flags"
		}
		return nil, fmt.Errorf("bearercheck config (%s): %v", where, err)
	}
	c.Source = file
	return c, nil
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

var identRE = regexp.MustCompile(`^[\p{L}_][\p{L}\p{Nd}_]*$`)
