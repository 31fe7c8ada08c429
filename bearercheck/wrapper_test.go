package bearercheck

import (
	"slices"
	"testing"
)

// The compatibility wrappers a migration leaves are recognised: exported,
// Deprecated, //go:fix inline, one call passing an AuthProvider. Neither
// a wrapper that passes a raw token nor an unmarked one is.
func TestWrappers(t *testing.T) {
	p := typeCheck(t, `package p
import "net/http"
type Provider interface{ AuthorizationHeaderValue() string }
type Static struct{ Token string }
func (s *Static) AuthorizationHeaderValue() string { return "Bearer " + s.Token }
func SetWithAuth(h http.Header, p Provider) {
	if v := p.AuthorizationHeaderValue(); v != "" {
		h.Set("Authorization", v)
	}
}

// Set sets tok.
//
// Deprecated: use SetWithAuth.
//
//go:fix inline
func Set(h http.Header, tok string) { SetWithAuth(h, &Static{Token: tok}) }

// Value returns the header value of tok.
//
// Deprecated: use ValueWithAuth.
//
//go:fix inline
func Value(tok string) string { return ValueWithAuth(&Static{Token: tok}) }
func ValueWithAuth(p Provider) string { return p.AuthorizationHeaderValue() }

// Old is deprecated but not marked for inlining.
//
// Deprecated: use SetWithAuth.
func Old(h http.Header, tok string) { SetWithAuth(h, &Static{Token: tok}) }

// Raw passes no provider.
//
// Deprecated: use raw.
//
//go:fix inline
func Raw(tok string) string { return raw(tok) }
func raw(tok string) string { return tok }
`)
	var got []string
	for _, w := range Analyze(p).Wrappers {
		got = append(got, w.Obj.Name()+"->"+w.Target.Name())
	}
	if want := []string{"Set->SetWithAuth", "Value->ValueWithAuth"}; !slices.Equal(got, want) {
		t.Errorf("wrappers = %q, want %q", got, want)
	}
}
