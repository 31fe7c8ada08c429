// Package negatives uses the same SDKs without sending a raw token as a
// Bearer token: nothing here is a site.
package negatives

import (
	"net/http"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-github/v74/github"
	openai "github.com/sashabaranov/go-openai"
	"github.com/slack-go/slack"
)

// AuthProvider hands out the full Authorization header value.
type AuthProvider interface{ AuthorizationHeaderValue() string }

// transport sets the provider's value on every request.
type transport struct {
	p    AuthProvider
	base http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", t.p.AuthorizationHeaderValue()) // migrated
	return t.base.RoundTrip(req)
}

func providerClient(p AuthProvider) *http.Client {
	return &http.Client{Transport: &transport{p: p, base: http.DefaultTransport}}
}

// GitHub is built from a provider-backed *http.Client.
func GitHub(p AuthProvider) *github.Client {
	return github.NewClient(providerClient(p))
}

// OpenAI is given no key: the provider-backed client sets the header.
func OpenAI(p AuthProvider) *openai.Client {
	cfg := openai.DefaultConfig("")
	cfg.HTTPClient = providerClient(p)
	return openai.NewClientWithConfig(cfg)
}

// Slack is given its HTTP client; the token goes in the form body.
func Slack(p AuthProvider) *slack.Client {
	return slack.New("", slack.OptionHTTPClient(providerClient(p)))
}

// Discord sends the Bot scheme.
func Discord(token string) (*discordgo.Session, error) {
	return discordgo.New("Bot " + token)
}

// GitHubBasic uses Basic authentication.
func GitHubBasic(user, pass string) *github.Client {
	tp := github.BasicAuthTransport{Username: user, Password: pass}
	return github.NewClient(tp.Client())
}

// Webhook reads incoming headers.
func Webhook(w http.ResponseWriter, r *http.Request, secret []byte) {
	if _, err := github.ValidatePayload(r, secret); err != nil {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	_ = tok
}

// SlackEvents verifies Slack's request signature.
func SlackEvents(r *http.Request, secret string) error {
	_, err := slack.NewSecretsVerifier(r.Header, secret)
	return err
}
