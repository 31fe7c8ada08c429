// Package fixprovider supplies the provider type that fixcrosspkg uses.
package fixprovider

// StaticProvider authenticates with a fixed user token.
type StaticProvider struct {
	Token string
	User  string
}

// AuthorizationHeaderValue reads Token: known to importers through a fact.
func (p *StaticProvider) AuthorizationHeaderValue() string {
	if p == nil || p.Token == "" {
		return ""
	}
	return "Bearer " + p.Token
}

// BearerToken returns the raw token.
func (p *StaticProvider) BearerToken() string { return p.Token }

// Fallible returns (string, error): no fix can use it as a single expression.
type Fallible struct{ Token string }

func (f *Fallible) AuthorizationHeaderValue() (string, error) { return "Bearer " + f.Token, nil }

func (f *Fallible) BearerToken() string { return f.Token }

// Default is a package-level provider.
var Default = &StaticProvider{}
