// Package sdkuse calls SDKs (packages of another module) with raw tokens:
// each call that makes the SDK send the token as a Bearer token is a site,
// found from the SDK's facts, not from a list.
package sdkuse

import (
	"context"
	"net/http"
	"os"

	"github.com/acme/basicsdk"
	"github.com/acme/cloud"
	"sdkuse/wrap"
)

func constructor() *cloud.Client {
	return cloud.NewClient(os.Getenv("CLOUD_TOKEN")) // want[bearerheader] `^cloud\.NewClient sets a Bearer Authorization header; give the SDK an \*http\.Client whose transport sets an AuthProvider's AuthorizationHeaderValue\(\) \(cloud\.WithHTTPClient\)$`
}

func option(key string) *cloud.Client { // want[bearerdetect] option:`^bearerOnly\(key\)$` want[bearerhelper] `^option is a bearer-only helper: it sends parameter key as a Bearer token`
	return cloud.New(cloud.WithRetries(3), cloud.WithAPIKey(key)) // want[bearerheader] `^cloud\.WithAPIKey sets a Bearer Authorization header;`
}

func setter(c *cloud.Client, tok string) { // want[bearerdetect] setter:`^bearerOnly\(tok\)$` want[bearerhelper] `^setter is a bearer-only helper: it sends parameter tok as a Bearer token`
	c.SetToken(tok) // want[bearerheader] `^cloud\.Client\.SetToken sets a Bearer Authorization header;`
}

func transport(tok string) *http.Client { // want[bearerdetect] transport:`^bearerOnly\(tok\)$` want[bearerhelper] `^transport is a bearer-only helper: it sends parameter tok as a Bearer token`
	return cloud.NewHTTPClient(tok) // want[bearerheader] `^cloud\.NewHTTPClient sets a Bearer Authorization header;`
}

func rpc(tok string) cloud.PerRPCCredentials { // want[bearerdetect] rpc:`^bearerOnly\(tok\)$` want[bearerhelper] `^rpc is a bearer-only helper: it sends parameter tok as a Bearer token`
	return cloud.TokenCredentials(tok) // want[bearerheader] `^cloud\.TokenCredentials sets a Bearer Authorization header;`
}

// A client already given its token: calling its methods is not another site.
func use(ctx context.Context, c *cloud.Client) {
	_, _ = c.Get(ctx, "/v1/things")
}

// Through a wrapper of the module: the site is the SDK call in the wrapper,
// not the calls of the wrapper.
func wrapped() *cloud.Client {
	return wrap.Client(os.Getenv("CLOUD_TOKEN"))
}

// Negatives: SDKs that send other schemes or take the scheme from their
// input; a client without a token; servers reading incoming headers.
func negatives(r *http.Request, scheme, tok string) {
	_ = basicsdk.New(tok)
	_ = basicsdk.NewVault(tok)
	_ = basicsdk.NewScheme(scheme, tok)
	_ = basicsdk.Server(r)
	_ = cloud.New(cloud.WithRetries(3))
	_ = cloud.NewClient("")
}
