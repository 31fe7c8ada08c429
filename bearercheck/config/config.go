// Package config reads the configuration of bearercheck from where users
// write it: .bearercheck.yml (found by walking up from each package's
// directory, or named by -config), command-line and analyzer flags, and
// golangci-lint settings. The keys, their defaults, their checks and
// their compiled form are bearercheck.Config's; this package only decodes
// them, with errors naming the key and line.
//
// A run creates one Options (from flags or settings) and hands it to the
// analyzers (bearerdetect.New); each configuration file is read and
// compiled once per run, whatever the number of packages and analyzers.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"github.com/bearercheck/bearercheck/bearercheck"
	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file looked up by walking
// up from each package's directory.
const FileName = ".bearercheck.yml"

// Parse decodes a configuration file over the defaults. Unknown
// keys, keys given twice or without a value, values of the wrong type and
// values that can match nothing are errors naming the key and line.
func Parse(data []byte) (bearercheck.Config, error) {
	cfg := bearercheck.DefaultConfig()
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
	_, err = cfg.Compile()
	return cfg, withLines(err, lines)
}

// DecodeSettings decodes settings given as a value (golangci-lint's
// settings: maps, lists, strings and booleans) over the defaults, through
// the same decoder as the configuration file and with the same errors.
func DecodeSettings(settings any) (bearercheck.Config, error) {
	cfg := bearercheck.DefaultConfig()
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
	var e *bearercheck.SettingError
	if errors.As(err, &e) {
		e.Line = 0
	}
	return err
}

// withLines sets the line of each key's errors in err (joined
// *bearercheck.SettingErrors, from Compile) to the line of the key.
func withLines(err error, lines map[string]int) error {
	var e *bearercheck.SettingError
	if errors.As(err, &e) {
		e.Line = lines[e.Key]
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, err := range j.Unwrap() {
			withLines(err, lines)
		}
	}
	return err
}

// decode decodes a YAML mapping over cfg and returns the line of each key.
func decode(cfg *bearercheck.Config, m *yaml.Node) (map[string]int, error) {
	if m.Kind == yaml.AliasNode {
		m = m.Alias
	}
	if m.Kind != yaml.MappingNode {
		return nil, &bearercheck.SettingError{Line: m.Line, Msg: "settings must be a mapping of keys to values, got " + describeNode(m)}
	}
	lines := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		kn, v := m.Content[i], m.Content[i+1]
		k, ok := bearercheck.LookupKey(kn.Value)
		if !ok {
			return nil, &bearercheck.SettingError{Line: kn.Line, Msg: fmt.Sprintf("unknown key %q (known: %s)", kn.Value, strings.Join(bearercheck.Keys(), ", "))}
		}
		if first, dup := lines[k.Name]; dup {
			return nil, &bearercheck.SettingError{Line: kn.Line, Key: k.Name, Msg: fmt.Sprintf("given twice (first on line %d)", first)}
		}
		lines[k.Name] = kn.Line
		if err := decodeValue(cfg.Field(k), k, v); err != nil {
			return nil, &bearercheck.SettingError{Line: v.Line, Key: k.Name, Msg: err.Error()}
		}
	}
	return lines, nil
}

// decodeValue decodes one value of the kind of k.
func decodeValue(dst reflect.Value, k bearercheck.Key, v *yaml.Node) error {
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return errors.New("no value (remove the key to keep its default; [] is an empty list)")
	}
	isStr := func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!str" }
	switch k.Kind {
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

// Options is the run-wide configuration: settings given explicitly (flags
// or golangci-lint settings) and an optional configuration file. Settings
// given explicitly win over any file.
//
// Options read configuration files; they hold no state that changes what
// For returns for the same files and flags (the cache is keyed on each
// file's content).
type Options struct {
	Config     bearercheck.Config // explicit settings; only the keys in set count
	ConfigFile string             // -config: use this file for every package
	// NoWalk turns off looking for .bearercheck.yml above each package:
	// the configuration is the defaults, ConfigFile and the explicit
	// settings only (hermetic, for build systems such as Bazel's nogo).
	NoWalk bool

	set   map[string]bool
	cache sync.Map // file path + "\x00" + content -> *loaded
}

type loaded struct {
	cfg *bearercheck.Compiled
	err error
}

// NewOptions returns options that use cfg as explicit settings for every
// key (as golangci-lint settings do).
func NewOptions(cfg bearercheck.Config) *Options {
	o := &Options{Config: cfg, set: map[string]bool{}}
	for _, k := range bearercheck.Keys() {
		o.set[k] = true
	}
	return o
}

// NewFlagOptions returns options whose settings are explicit only once a flag sets them.
func NewFlagOptions() *Options {
	return &Options{Config: bearercheck.DefaultConfig(), set: map[string]bool{}}
}

// RegisterFlags binds every configuration key to fs as -key, plus
// -config. A bad value, or a -config file that does not parse, is an error
// of the flag.
func (o *Options) RegisterFlags(fs *flag.FlagSet) {
	fs.Var(&configFlag{o}, "config", "configuration file (default: "+FileName+" found by walking up from each package's directory)")
	for _, k := range bearercheck.ConfigKeys() {
		usage := k.Usage
		if k.Kind == reflect.Slice {
			usage = "comma-separated " + usage
		}
		fs.Var(&keyFlag{o, k}, k.Name, usage)
	}
}

// keyFlag is the flag of one key: it sets the key explicitly.
type keyFlag struct {
	o *Options
	k bearercheck.Key
}

func (f *keyFlag) String() string {
	if f == nil || f.o == nil {
		return ""
	}
	v := f.o.Config.Field(f.k)
	switch f.k.Kind {
	case reflect.Slice:
		return strings.Join(v.Interface().([]string), ",")
	default:
		return fmt.Sprint(v.Interface())
	}
}

func (f *keyFlag) Set(s string) error {
	c := f.o.Config // a copy: the flag is set only when valid
	dst := c.Field(f.k)
	switch f.k.Kind {
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
	if err := c.CheckKey(f.k); err != nil {
		var e *bearercheck.SettingError
		if errors.As(err, &e) {
			return errors.New(e.Msg)
		}
		return err
	}
	f.o.Config.Field(f.k).Set(dst)
	f.o.set[f.k.Name] = true
	return nil
}

func (f *keyFlag) IsBoolFlag() bool { return f.k.Kind == reflect.Bool }

// configFlag is -config: the file is read and validated when the flag is set.
type configFlag struct{ o *Options }

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
	f.o.ConfigFile = s
	return nil
}

// For returns the configuration that applies to a package whose files are
// in dir: the defaults, then the configuration file, then explicit settings.
func (o *Options) For(dir string) (*bearercheck.Compiled, error) {
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
	for _, k := range bearercheck.Keys() {
		if !o.set[k] {
			return false
		}
	}
	return true
}

// load returns the configuration of file ("" for none) with the explicit
// settings over it.
func (o *Options) load(file string) (*bearercheck.Compiled, error) {
	var data []byte
	if file != "" {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return nil, fmt.Errorf("config: %v", err)
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

func (o *Options) compile(file string, data []byte) (*bearercheck.Compiled, error) {
	cfg := bearercheck.DefaultConfig()
	if file != "" {
		var err error
		cfg, err = Parse(data)
		if err != nil {
			return nil, fmt.Errorf("config %s: %v", file, err)
		}
	}
	for _, k := range bearercheck.ConfigKeys() {
		if o.set[k.Name] {
			cfg.Field(k).Set(o.Config.Field(k))
		}
	}
	c, err := cfg.Compile()
	if err != nil {
		where := "flags"
		if file != "" {
			where = file + " and flags"
		}
		return nil, fmt.Errorf("config (%s): %v", where, err)
	}
	c.Source = file
	return c, nil
}

// findConfig walks up from dir to the file system root looking for
// FileName, stopping after a directory holding go.mod.
func findConfig(dir string) string {
	for {
		p := filepath.Join(dir, FileName)
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
