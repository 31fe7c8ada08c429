// Package auth declares an authenticator interface and its
// implementations, all of which return bearer values.
package auth

// Authenticator returns the Authorization header value.
type Authenticator interface {
	Header() string
}

// Static sends a fixed token.
type Static struct{ Token string }

func (s Static) Header() string { return "Bearer " + s.Token } // want[bearerhelper] `^Static.Header is a bearer-only helper: it sends field s.Token as a Bearer token`

// Refreshing sends the current token.
type Refreshing struct{ current string }

func (r *Refreshing) Header() string { return "Bearer " + r.current } // want[bearerhelper] `^Refreshing.Header is a bearer-only helper: it sends field r.current as a Bearer token`

// Signer returns values of several schemes.
type Signer interface {
	Value() string
}

type BearerSigner struct{ tok string }

func (b BearerSigner) Value() string { return "Bearer " + b.tok } // want[bearerhelper] `^BearerSigner.Value is a bearer-only helper`

type BasicSigner struct{ creds string }

func (b BasicSigner) Value() string { return "Basic " + b.creds }
