package bearercheck

import (
	"errors"
	"fmt"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/mod/module"
)

// Compiled is a valid configuration whose patterns (bearer-apis,
// agent-task-types, allow) are compiled into matchers over go/types
// objects: package path, type name and function or method name. It is
// built once, by Compile, and never changes.
type Compiled struct {
	Config
	// Source is the configuration file the settings come from ("" for
	// none: defaults and explicit settings).
	Source string

	apis         map[object]bool   // bearer-apis
	taskNames    map[string]bool   // agent-task-types: Name
	taskSuffixes []string          // agent-task-types: *Suffix
	taskTypes    map[object]bool   // agent-task-types: pkg/path.Type, as {pkg, "", Type}
	allowTrees   []string          // allow: pkg/path/...
	allow        map[object]string // allow: every reading of each entry -> the entry
	adapter      AdapterName       // token-adapter
}

// An object names a package ({pkg}), a package-level function or type
// ({pkg, "", name}) or a method ({pkg, type, name}).
type object struct{ pkg, recv, name string }

// Compile validates c and compiles its patterns. Every invalid setting is
// reported, naming its key: the error joins one *SettingError per key.
func (c Config) Compile() (*Compiled, error) {
	var errs []error
	for _, k := range keys {
		if err := c.check(k); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	m := &Compiled{Config: c, apis: map[object]bool{}, taskNames: map[string]bool{}, taskTypes: map[object]bool{}, allow: map[object]string{}}
	for _, s := range c.BearerAPIs {
		o, _ := parseAPI(s)
		m.apis[o] = true
	}
	for _, s := range c.AgentTaskTypes {
		switch o, _ := parseTask(s); {
		case strings.HasPrefix(s, "*"):
			m.taskSuffixes = append(m.taskSuffixes, s[1:])
		case o.pkg != "":
			m.taskTypes[o] = true
		default:
			m.taskNames[s] = true
		}
	}
	if c.TokenAdapter != "" {
		m.adapter, _ = ParseAdapter(c.TokenAdapter)
	}
	for _, s := range c.Allow {
		tree, readings, _ := parseAllow(s)
		if tree != "" {
			m.allowTrees = append(m.allowTrees, tree)
		}
		for _, o := range readings {
			m.allow[o] = s
		}
	}
	return m, nil
}

// check reports whether the setting k of c is valid.
func (c *Config) check(k Key) error {
	bad := func(v, want string) error {
		return &SettingError{Key: k.Name, Msg: fmt.Sprintf("%q is not %s", v, want)}
	}
	var each func(string) error
	switch k.Name {
	case "provider-method", "token-methods":
		each = func(s string) error {
			if !identRE.MatchString(s) {
				return bad(s, "a method name")
			}
			return nil
		}
	case "header-setters":
		each = func(s string) error {
			if !identRE.MatchString(s) {
				return bad(s, "a function or method name")
			}
			return nil
		}
	case "agent-task-types":
		each = func(s string) error {
			if _, err := parseTask(s); err != nil {
				return bad(s, "a type name, *Suffix or pkg/path.Type")
			}
			return nil
		}
	case "bearer-apis":
		each = func(s string) error {
			if _, err := parseAPI(s); err != nil {
				return bad(s, "pkg/path.Func, (pkg/path.T).Method or (*pkg/path.T).Method")
			}
			return nil
		}
	case "generated":
		each = func(s string) error {
			if s != GeneratedReport && s != GeneratedSkip {
				return &SettingError{Key: k.Name, Msg: fmt.Sprintf("%q is not %q or %q", s, GeneratedReport, GeneratedSkip)}
			}
			return nil
		}
	case "token-adapter":
		each = func(s string) error {
			if _, err := ParseAdapter(s); s != "" && err != nil {
				return bad(s, "pkg/path.Func or pkg/path.Type.Field")
			}
			return nil
		}
	case "provider-type":
		each = func(s string) error {
			if _, err := parseQualified(s); s != "" && err != nil {
				return bad(s, "pkg/path.Type")
			}
			return nil
		}
	case "allow":
		each = func(s string) error {
			if _, _, err := parseAllow(s); err != nil {
				return &SettingError{Key: k.Name, Msg: fmt.Sprintf("%q can match nothing: %v", s, err)}
			}
			return nil
		}
	default:
		return nil
	}
	switch v := c.Field(k); k.Kind {
	case reflect.String:
		return each(v.String())
	case reflect.Slice:
		for _, s := range v.Interface().([]string) {
			if err := each(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// Defaults returns the compiled default configuration.
func Defaults() *Compiled {
	c, err := DefaultConfig().Compile()
	if err != nil {
		panic(err) // the defaults are valid: TestDefaults
	}
	return c
}

// parseAPI parses "pkg/path.Func", "(pkg/path.T).Method" or "(*pkg/path.T).Method".
func parseAPI(s string) (object, error) {
	if rest, ok := strings.CutPrefix(s, "("); ok {
		recv, name, ok := strings.Cut(rest, ").")
		if !ok || !identRE.MatchString(name) {
			return object{}, errors.New("want (pkg/path.T).Method")
		}
		t, err := parseQualified(strings.TrimPrefix(recv, "*"))
		return object{t.pkg, t.name, name}, err
	}
	return parseQualified(s)
}

// parseTask parses "Name", "*Suffix" or "pkg/path.Type".
func parseTask(s string) (object, error) {
	if identRE.MatchString(strings.TrimPrefix(s, "*")) {
		return object{}, nil
	}
	return parseQualified(s)
}

// parseQualified parses "pkg/path.Name" into {pkg, "", Name}.
func parseQualified(s string) (object, error) {
	i := strings.LastIndex(s, ".")
	if i < 0 || !identRE.MatchString(s[i+1:]) {
		return object{}, errors.New("want pkg/path.Name")
	}
	if err := module.CheckImportPath(s[:i]); err != nil {
		return object{}, err
	}
	return object{pkg: s[:i], name: s[i+1:]}, nil
}

// parseAllow parses an allow entry: "pkg/path/..." is a tree (returned as
// its root); anything else is read every way it can be read — a package
// path, pkg/path.Func, or pkg/path.T.Method, the dots being in the last
// path element — and matches what any reading names.
func parseAllow(s string) (tree string, readings []object, err error) {
	if root, ok := strings.CutSuffix(s, "/..."); ok {
		if err := module.CheckImportPath(root); err != nil {
			return "", nil, err
		}
		return root, nil, nil
	}
	if err := module.CheckImportPath(s); err != nil {
		return "", nil, err
	}
	readings = append(readings, object{pkg: s})
	slash := strings.LastIndex(s, "/") + 1
	parts := strings.Split(s[slash:], ".")
	n := len(parts)
	if n >= 2 && identRE.MatchString(parts[n-1]) {
		readings = append(readings, object{pkg: s[:len(s)-len(parts[n-1])-1], name: parts[n-1]})
	}
	if n >= 3 && identRE.MatchString(parts[n-1]) && identRE.MatchString(parts[n-2]) {
		pkg := s[:len(s)-len(parts[n-1])-len(parts[n-2])-2]
		readings = append(readings, object{pkg: pkg, recv: parts[n-2], name: parts[n-1]})
	}
	return "", readings, nil
}

// IsBearerAPI reports whether fn is in the bearer-by-API table.
func (c *Compiled) IsBearerAPI(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	fn = fn.Origin()
	o := object{pkg: fn.Pkg().Path(), name: fn.Name()}
	if recv := fn.Signature().Recv(); recv != nil {
		n := namedOf(recv.Type())
		if n == nil {
			return false
		}
		o.recv = n.Obj().Name()
	}
	return c.apis[o]
}

// IsTaskType reports whether a named type is an agent task type.
func (c *Compiled) IsTaskType(obj *types.TypeName) bool {
	name := obj.Name()
	if c.taskNames[name] {
		return true
	}
	for _, suf := range c.taskSuffixes {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return obj.Pkg() != nil && c.taskTypes[object{pkg: obj.Pkg().Path(), name: name}]
}

// Allowed reports whether fn of package pkg is exempt by the allow list.
// A nil fn asks about the package's package-level declarations.
func (c *Compiled) Allowed(pkg *types.Package, fn *types.Func) bool {
	if pkg == nil || len(c.Allow) == 0 {
		return false
	}
	path := pkg.Path()
	if _, ok := c.allow[object{pkg: path}]; ok {
		return true
	}
	for _, root := range c.allowTrees {
		if path == root || strings.HasPrefix(path, root+"/") {
			return true
		}
	}
	if fn == nil {
		return false
	}
	o := object{pkg: path, name: fn.Name()}
	if recv := fn.Signature().Recv(); recv != nil {
		n := namedOf(recv.Type())
		if n == nil {
			return false
		}
		o.recv = n.Obj().Name()
	}
	_, ok := c.allow[o]
	return ok
}

// UnmatchedAllow returns a warning for each allow entry that names a
// function, type or method that does not exist in a package that does:
// what only the loaded program can tell. pkgs are the loaded packages by
// path; an entry none of whose readings names a loaded package is not
// judged.
func (c *Compiled) UnmatchedAllow(pkgs map[string]*types.Package) []string {
	var out []string
	for _, s := range c.Allow {
		_, readings, _ := parseAllow(s)
		known, found := "", false
		for _, o := range readings {
			p := pkgs[o.pkg]
			if p == nil {
				continue
			}
			known = o.pkg
			switch {
			case o.name == "":
				found = true
			case o.recv == "":
				_, isFunc := p.Scope().Lookup(o.name).(*types.Func)
				found = found || isFunc
			default:
				if tn, ok := p.Scope().Lookup(o.recv).(*types.TypeName); ok {
					m, _, _ := types.LookupFieldOrMethod(tn.Type(), true, p, o.name)
					_, isFunc := m.(*types.Func)
					found = found || isFunc
				}
			}
		}
		if known != "" && !found {
			src := "flags"
			if c.Source != "" {
				src = c.Source
			}
			out = append(out, fmt.Sprintf("%s: allow: %q matches nothing: package %s has no such function or method", src, s, known))
		}
	}
	return out
}

// IsAdapterFunc reports whether fn is the configured token adapter
// function.
func (c *Compiled) IsAdapterFunc(fn *types.Func) bool {
	n := c.adapter
	return n.Name != "" && n.Type == "" && fn.Pkg() != nil && fn.Signature().Recv() == nil &&
		fn.Name() == n.Name && fn.Pkg().Path() == n.Pkg
}

// AdapterField returns the token field of the configured token adapter
// when t is its struct type, or "".
func (c *Compiled) AdapterField(t *types.Named) string {
	n := c.adapter
	if n.Type == "" || t == nil || t.Obj().Pkg() == nil || t.Obj().Name() != n.Type || t.Obj().Pkg().Path() != n.Pkg {
		return ""
	}
	return n.Name
}
