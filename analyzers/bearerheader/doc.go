// Package bearerheader defines an analyzer that reports Authorization
// headers that hard-code the Bearer scheme.
//
// # Analyzer bearerheader
//
// bearerheader: report Authorization headers hard-coding the Bearer scheme
//
// A request that builds "Authorization: Bearer <token>" itself can never
// carry another scheme, such as the task-scoped "AgentAssertion <envelope>"
// of an agent identity. The header value should come whole from an
// AuthProvider's AuthorizationHeaderValue method.
//
// bearerheader reports every place where a bearer value reaches an
// authorization sink: http.Header Set/Add and index assignment, gRPC
// metadata (MD Set/Append, Pairs, AppendToOutgoingContext, New), map and
// http.Header literals, header APIs of any name (a call that passes the
// Authorization key and then the value: resty's SetHeader,
// option.WithHeader, SetHeaderParam on a request interface, an SDK's own
// Headers.Add; not readers, predicates, matchers, loggers or test helpers),
// header pairs carried in structs ({Key: "Authorization", Value: v}),
// functions that write a parameter as the header value, and APIs that set a
// bearer header by themselves such as (*oauth2.Token).SetAuthHeader.
//
// A call into another module (an SDK) that makes it send the token it is
// given as a Bearer token is a site too (category bearer-api), found from
// the SDK's own code, not from a list: github's WithAuthToken,
// openai.NewClient, slack.New, godo.NewFromToken, oauth2.NewClient with a
// static token source. The token may be stored by a constructor, a setter
// or a functional option and sent later by a request builder, a
// RoundTripper or per-RPC credentials. A call that passes no token (a
// method of a client built with one) is not another site; an SDK that sends
// another scheme, or takes the scheme from its input, is not a site. No fix
// is offered; the message names the SDK's own way to take an HTTP client
// (github.NewClient, slack.OptionHTTPClient, openai.ClientConfig.HTTPClient)
// whose transport can set the provider's value.
//
// A bearer value is a constant, a + chain, a fmt.Sprintf, Fprintf or
// strings.Join, a value built in a strings.Builder, bytes.Buffer or []byte,
// a local variable, a struct field or a call (also an interface method all
// of whose implementations return one) whose value statically begins with
// "Bearer ", also across packages.
//
// Before:
//
//	req.Header.Set("Authorization", "Bearer "+p.BearerToken())
//
// After:
//
//	req.Header.Set("Authorization", p.AuthorizationHeaderValue())
//
// A value whose token is constant too is a hard-coded credential (category
// hard-coded-credential, CWE-798); the message never repeats the secret.
// So is a constant passed to a bearer-only helper as the token it writes
// unchanged (h.SetAuth(req, "sk-…") is reported at the call; a helper that
// returns "Bearer "+tok makes the value at the sink a credential). A
// placeholder such as "<token>" is not a credential, and a literal given
// to a struct field somewhere is not the value every read of the field
// gives. After the migration, a constant handed to the token adapter,
// directly or through a deprecated wrapper, is still a hard-coded
// credential.
//
// When the token is a raw string, the fix is the migration of its path
// (docs/migration.md), the same fix bearerhelper offers on the helper: the
// path becomes the provider type and the sink sends the provider's header
// value, with no header when it is empty. Generated files and hard-coded
// credentials get no fix; otherwise a site without a fix says why at the
// end of its message: "(no fix: set token-adapter: …)".
//
// When an agent task is available in the function, the message names it.
//
// Categories: literal-prefix, sprintf, join, helper-result, scheme-param,
// bearer-api, hard-coded-credential, and ignore-directive for a
// //bearercheck:ignore directive without a reason or that suppresses
// nothing, on a line of its findings or on no finding's line (see
// "Ignore directives" in docs/design.md: each such problem is reported by one
// analyzer, whichever run).
package bearerheader
