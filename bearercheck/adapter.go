package bearercheck

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/mod/module"
)

// AdapterName is a parsed token-adapter setting: a function Pkg.Name, or
// the string field Name of the struct type Pkg.Type.
type AdapterName struct{ Pkg, Type, Name string }

// ParseAdapter parses "pkg/path.Func" or "pkg/path.Type.Field"; the dots
// are in the last element of the path.
func ParseAdapter(s string) (AdapterName, error) {
	slash := strings.LastIndex(s, "/") + 1
	parts := strings.Split(s[slash:], ".")
	for _, p := range parts[1:] {
		if !identRE.MatchString(p) {
			return AdapterName{}, errors.New("want pkg/path.Func or pkg/path.Type.Field")
		}
	}
	var n AdapterName
	switch len(parts) {
	case 2:
		n = AdapterName{Pkg: s[:len(s)-len(parts[1])-1], Name: parts[1]}
	case 3:
		n = AdapterName{Pkg: s[:len(s)-len(parts[1])-len(parts[2])-2], Type: parts[1], Name: parts[2]}
	default:
		return AdapterName{}, errors.New("want pkg/path.Func or pkg/path.Type.Field")
	}
	return n, module.CheckImportPath(n.Pkg)
}

// Adapter is a resolved token adapter: how the migration fix turns a raw
// token into an AuthProvider.
type Adapter struct {
	Func  *types.Func     // func(string) P; nil for the field form
	Type  *types.TypeName // the struct type of the field form
	Field *types.Var      // its string field
	Ptr   bool            // the field form is written &Type{Field: tok}
	// Result is the type the adapter yields (P, Type or *Type).
	Result types.Type
}

// Pkg is the package the adapter is declared in.
func (ad *Adapter) Pkg() *types.Package {
	if ad.Func != nil {
		return ad.Func.Pkg()
	}
	return ad.Type.Pkg()
}

// Ref names a package-level object for the migration fix's text: its
// package (path, and name when the package is visible; "" otherwise) and
// its name.
type Ref struct {
	Path, PkgName, Name string
}

// Migration is what the migration fix of a package needs to know: the
// token adapter and the provider interface, configured or discovered
// among the package and its imports. A configured one that the package
// does not import is known by name only (Adapter or Provider is nil).
type Migration struct {
	Adapter  *Adapter        // resolved, when visible
	Provider *types.TypeName // resolved, when visible

	AdapterRef  Ref    // the function, or the struct type
	AdapterFunc bool   // func(string) P; else &Type{Field: tok} or Type{Field: tok}
	Field       string // the field of the struct form
	Ptr         bool   // &Type{…}
	ProviderRef Ref
	Method      string // the provider method's name
	Missing     string // why the migration cannot be written: set, the others are zero
}

// Migration returns what the migration fix needs, or nil when the package
// has nothing to migrate.
func (r *Result) Migration() *Migration { return r.migration }

// resolveMigration resolves the token adapter and the provider type for
// the package. A configured name that exists but does not fit is an
// error naming its key.
func (a *pkgAnalysis) resolveMigration() (*Migration, error) {
	pkgs := a.visiblePackages()
	m := &Migration{Method: a.cfg.ProviderMethod}
	var missing []string
	if s := a.cfg.ProviderType; s != "" {
		o, _ := parseQualified(s)
		m.ProviderRef = Ref{Path: o.pkg, Name: o.name}
		if p := pkgs[o.pkg]; p != nil {
			tn, ok := p.Scope().Lookup(o.name).(*types.TypeName)
			if !ok || !types.IsInterface(tn.Type()) || a.providerMethodOf(tn.Type()) == nil {
				return nil, fmt.Errorf("provider-type: %s is not an interface with the method %s", s, a.cfg.ProviderMethod)
			}
			m.Provider = tn
		}
	}
	if s := a.cfg.TokenAdapter; s != "" {
		n, _ := ParseAdapter(s)
		if p := pkgs[n.Pkg]; p != nil {
			ad, err := a.adapterIn(p, n)
			if err != nil {
				return nil, fmt.Errorf("token-adapter: %s %v", s, err)
			}
			m.Adapter = ad
		} else if n.Type == "" {
			m.AdapterRef, m.AdapterFunc = Ref{Path: n.Pkg, Name: n.Name}, true
		} else {
			// Not visible: &Type{…} has the methods of Type and *Type.
			m.AdapterRef, m.Field, m.Ptr = Ref{Path: n.Pkg, Name: n.Type}, n.Name, true
		}
	}
	// Discovery of what is not configured: one pass over the visible
	// packages' declarations, in a fixed order.
	findAdapter, findProvider := a.cfg.TokenAdapter == "", a.cfg.ProviderType == ""
	var adapters []*Adapter
	var providers []*types.TypeName
	if findAdapter || findProvider {
		for _, p := range sortedPackages(pkgs) {
			scope := p.Scope()
			for _, name := range scope.Names() {
				if !token.IsExported(name) {
					continue
				}
				obj := scope.Lookup(name)
				if tn, ok := obj.(*types.TypeName); !ok || !declaresMethod(tn.Type(), a.cfg.ProviderMethod) {
					continue // the cheap test first
				}
				if findAdapter {
					if ad := a.discoverAdapter(obj); ad != nil {
						adapters = append(adapters, ad)
					}
				}
				if tn, ok := obj.(*types.TypeName); findProvider && ok && tn.Exported() && !tn.IsAlias() && types.IsInterface(tn.Type()) && a.providerMethodOf(tn.Type()) != nil {
					providers = append(providers, tn)
				}
			}
		}
	}
	if findAdapter {
		var why string
		m.Adapter, why = discovered(adapters, "token-adapter", "token adapter", "types could be the token adapter")
		missing = appendNonEmpty(missing, why)
	}
	if findProvider {
		var why string
		m.Provider, why = discovered(providers, "provider-type", "AuthProvider interface", "interfaces could be the AuthProvider")
		missing = appendNonEmpty(missing, why)
	}
	if ad := m.Adapter; ad != nil {
		if ad.Func != nil {
			m.AdapterRef, m.AdapterFunc = refOf(ad.Func), true
		} else {
			m.AdapterRef, m.Field, m.Ptr = refOf(ad.Type), ad.Field.Name(), ad.Ptr
		}
	}
	if m.Provider != nil {
		m.ProviderRef = refOf(m.Provider)
		pm, _, _ := types.LookupFieldOrMethod(m.Provider.Type(), false, m.Provider.Pkg(), m.Method)
		if fn, ok := pm.(*types.Func); !ok || fn.Signature().Results().Len() != 1 {
			missing = append(missing, "the provider method "+m.Method+" returns more than a string")
		}
	}
	if m.Adapter != nil && m.Provider != nil && !types.AssignableTo(m.Adapter.Result, m.Provider.Type()) {
		missing = append(missing, "the token adapter's "+types.TypeString(m.Adapter.Result, nil)+" is not a "+m.Provider.Name())
	}
	if len(missing) > 0 {
		return &Migration{Missing: strings.Join(missing, "; ")}, nil
	}
	return m, nil
}

func refOf(obj types.Object) Ref {
	return Ref{Path: obj.Pkg().Path(), PkgName: obj.Pkg().Name(), Name: obj.Name()}
}

// adapterIn resolves the configured adapter n in package p.
func (a *pkgAnalysis) adapterIn(p *types.Package, n AdapterName) (*Adapter, error) {
	if n.Type == "" {
		fn, ok := p.Scope().Lookup(n.Name).(*types.Func)
		if !ok {
			return nil, errors.New("does not exist")
		}
		sig := fn.Signature()
		if sig.TypeParams() != nil || sig.Params().Len() != 1 || !isString(sig.Params().At(0).Type()) || sig.Results().Len() != 1 ||
			a.providerMethodOf(sig.Results().At(0).Type()) == nil {
			return nil, fmt.Errorf("is not a func(string) P whose P has the method %s", a.cfg.ProviderMethod)
		}
		return &Adapter{Func: fn, Result: sig.Results().At(0).Type()}, nil
	}
	tn, ok := p.Scope().Lookup(n.Type).(*types.TypeName)
	if !ok {
		return nil, errors.New("does not exist")
	}
	ad := structAdapter(tn, n.Name, a.providerMethodOf)
	if ad == nil {
		return nil, fmt.Errorf("is not a string field of a struct type that has the method %s", a.cfg.ProviderMethod)
	}
	return ad, nil
}

// structAdapter returns the field form of adapter for field name of tn,
// or nil when it does not fit.
func structAdapter(tn *types.TypeName, name string, method func(types.Type) *types.Func) *Adapter {
	named, ok := types.Unalias(tn.Type()).(*types.Named)
	if !ok || named.TypeParams() != nil {
		return nil
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var field *types.Var
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Name() == name && !f.Embedded() && isString(f.Type()) {
			field = f
		}
	}
	if field == nil {
		return nil
	}
	ad := &Adapter{Type: tn, Field: field, Result: named}
	if !hasMethod(named, method) {
		ad.Ptr, ad.Result = true, types.NewPointer(named)
		if method(ad.Result) == nil {
			return nil
		}
	}
	return ad
}

// hasMethod reports whether t itself (not *t) has the provider method.
func hasMethod(t types.Type, method func(types.Type) *types.Func) bool {
	m := method(t)
	if m == nil {
		return false
	}
	ms := types.NewMethodSet(t)
	return ms.Lookup(m.Pkg(), m.Name()) != nil
}

// discoverAdapter returns the adapter obj offers, if it is a candidate: an
// exported struct type with the provider method and a token accessor,
// whose provider method reads exactly one string field, settable from
// other packages.
func (a *pkgAnalysis) discoverAdapter(obj types.Object) *Adapter {
	tn, ok := obj.(*types.TypeName)
	if !ok || !tn.Exported() || tn.IsAlias() || !declaresMethod(tn.Type(), a.cfg.ProviderMethod) || types.IsInterface(tn.Type()) {
		return nil
	}
	pt := types.NewPointer(tn.Type())
	m := a.providerMethodOf(pt)
	if m == nil {
		return nil
	}
	hasAccessor := false
	for _, name := range a.cfg.TokenMethods {
		obj, _, _ := types.LookupFieldOrMethod(pt, true, tn.Pkg(), name)
		if fn, ok := obj.(*types.Func); ok && fn.Signature().Params().Len() == 0 {
			hasAccessor = true
		}
	}
	s := a.summary(m)
	if !hasAccessor || s == nil || len(s.ProviderFields) != 1 || !token.IsExported(s.ProviderFields[0]) {
		return nil
	}
	return structAdapter(tn, s.ProviderFields[0], a.providerMethodOf)
}

// visiblePackages returns the package and everything it imports,
// transitively, outside the standard library, by path.
func (a *pkgAnalysis) visiblePackages() map[string]*types.Package {
	out := map[string]*types.Package{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if out[p.Path()] != nil || isStdlib(p) {
			return
		}
		out[p.Path()] = p
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(a.pkg.Types)
	return out
}

// sortedPackages returns the packages of m sorted by path.
func sortedPackages(m map[string]*types.Package) []*types.Package {
	out := make([]*types.Package, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	return out
}

// declaresMethod reports whether the named type t declares a method name
// itself (an interface: has it), without the cost of a method set
// lookup: the cheap test discovery runs on every exported type it sees.
func declaresMethod(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if it, ok := n.Underlying().(*types.Interface); ok {
		for i := 0; i < it.NumMethods(); i++ {
			if it.Method(i).Name() == name {
				return true
			}
		}
		return false
	}
	for i := 0; i < n.NumMethods(); i++ {
		if n.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// discovered returns the one candidate found for the configuration key,
// or, when there is none or more than one, why the key must be set.
func discovered[T any](found []T, key, none, many string) (T, string) {
	var zero T
	switch len(found) {
	case 1:
		return found[0], ""
	case 0:
		return zero, fmt.Sprintf("set %s: no %s found", key, none)
	default:
		return zero, fmt.Sprintf("set %s: %d %s", key, len(found), many)
	}
}

func appendNonEmpty(list []string, s string) []string {
	if s == "" {
		return list
	}
	return append(list, s)
}
