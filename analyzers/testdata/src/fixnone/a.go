// Package fixnone: sites that get no fix.
package fixnone

import (
	"fmt"
	"net/http"
	"os"
)

type Provider struct{ token string }

func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.token }

func (p *Provider) BearerToken() string { return p.token }

// The token does not come from a provider, though one is in scope.
func notFromProvider(h http.Header, p *Provider) {
	h.Set("Authorization", "Bearer "+os.Getenv("TOKEN")) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use p.AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// No provider at all.
func noProvider(h http.Header, tok string) {
	h.Set("Authorization", fmt.Sprintf("Bearer %s", tok)) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// (string, bool) provider.
type Maybe struct{ token string }

func (m Maybe) AuthorizationHeaderValue() (string, bool) { return "Bearer " + m.token, m.token != "" }

func (m Maybe) BearerToken() string { return m.token }

func maybe(h http.Header, m Maybe) {
	h.Set("Authorization", "Bearer "+m.BearerToken()) // want[bearerheader] `use m.AuthorizationHeaderValue\(\)`
}

// The format adds more than the scheme.
func extra(h http.Header, p *Provider) {
	h.Set("Authorization", fmt.Sprintf("Bearer %s;v=1", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	h.Set("Authorization", "Bearer "+p.BearerToken()+"==")                // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

// Outer embeds a provider but has a Token field of its own that shadows
// the provider's: "Bearer "+o.Token is not the provider's credential.
type Inner struct{ Token string }

func (i *Inner) AuthorizationHeaderValue() string { return "Bearer " + i.Token }

type Outer struct {
	*Inner
	Token string
}

func shadow(h http.Header, o *Outer) {
	h.Set("Authorization", "Bearer "+o.Token) // want[bearerheader] `use o.AuthorizationHeaderValue\(\)`
}

// A token guard whose variable has another use.
func guardOtherUse(h http.Header, p *Provider) {
	if tok := p.BearerToken(); tok != "" {
		h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
		fmt.Println(len(tok))
	}
}

// The token is in a variable, not a guard.
func tokVar(h http.Header, p *Provider) {
	tok := p.BearerToken()
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
}

// A fix next to a hard-coded credential would print the secret as -diff
// context: no fix within three lines of one, even a suppressed one.
func nearSecret(h http.Header, p *Provider) {
	h.Set("Authorization", "Bearer "+p.BearerToken())  // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	h.Set("Authorization", "Bearer not-a-real-secret") //bearercheck:ignore a test credential for the fixture
}
