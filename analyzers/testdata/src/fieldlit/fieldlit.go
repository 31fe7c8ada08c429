package fieldlit

import "net/http"

// Creds is given one literal token in this package; its other values come
// from elsewhere (a config file, another package).
type Creds struct{ Token string }

func Anonymous() Creds { return Creds{Token: "anonymous"} }

// The token reaching the header is whatever c.Token holds: not a
// hard-coded credential.
func Apply(h http.Header, c Creds) {
	h.Set("Authorization", "Bearer "+c.Token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

func (c *Creds) apply(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+c.Token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// A field only ever given one whole bearer literal: whenever the header is
// a bearer value, it is that literal.
type static struct{ authz string }

func newStatic() *static { return &static{authz: "Bearer abc123secret"} }

func (s *static) apply(h http.Header) {
	h.Set("Authorization", s.authz) // want[bearerheader] `^Authorization header hard-codes a Bearer credential \(value redacted\)`
}

// The key and the scheme are still known from a field's assignments.
type keyed struct{ key, scheme string }

func newKeyed() keyed { return keyed{key: "Authorization", scheme: "Bearer"} }

func (k keyed) apply(h http.Header, tok string) {
	h.Set(k.key, k.scheme+" "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme;`
}

// A local struct value built from a literal: the value reaching the header
// is the literal's.
type local struct{ token string }

func fromLiteral(h http.Header) {
	c := local{token: "abc123secret"}
	h.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes a Bearer credential \(value redacted\)`
}

func fromPositionalLiteral(h http.Header) {
	c := local{"abc123secret"}
	h.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes a Bearer credential \(value redacted\)`
}

// A type with a pointer method may change the value after the literal.
type loaded struct{ token string }

func (l *loaded) load() {}

func fromLoaded(h http.Header) {
	c := loaded{token: "anonymous"}
	c.load()
	h.Set("Authorization", "Bearer "+c.token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme;`
}

// Creds.Token is set outside literals too.
func fromReassigned(h http.Header, tok string) {
	c := Creds{Token: "anonymous"}
	c.Token = tok
	h.Set("Authorization", "Bearer "+c.Token) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme;`
}
