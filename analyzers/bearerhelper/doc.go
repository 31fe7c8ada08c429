// Package bearerhelper defines an analyzer that reports functions whose
// contract only understands raw bearer tokens.
//
// # Analyzer bearerhelper
//
// bearerhelper: report helpers that only understand raw bearer tokens
//
// A bearer-only helper takes a raw token (a parameter, or a field of its
// receiver) and builds or writes "Authorization: Bearer <token>" with it:
// a newRequest method that sets the header from c.token, a RoundTrip method,
// a function returning "Bearer "+token, a wrapper around
// (*oauth2.Token).SetAuthHeader. Every caller of such a helper is stuck with
// the Bearer scheme, so the helper itself must change: accept an
// AuthProvider and set the header to its AuthorizationHeaderValue().
//
// bearerhelper reports each root helper once, at its declaration, naming
// the token parameter or field, or the call whose result the token is
// (tok, err := id.GetToken(ctx, client): "the result of id.GetToken"). A
// helper that chooses between schemes (Bearer for one auth type, Basic or
// "Token token=…" for another) is reported too, as hard-coding the Bearer
// scheme for one of its auth types. Helpers that are bearer-only only because
// they pass their token on to another helper (a client's GetUsage calling
// its getJSON calling its newRequest) carry the same analysis fact, so that
// taskauth and the migration report see them across packages, but are not
// reported again. A token that comes from an AuthProvider (its BearerToken
// accessor, or a field its AuthorizationHeaderValue method reads) does not
// make a helper: bearerheader reports and fixes such a site instead.
//
// Its suggested fix is the migration of the helper's token path (see
// docs/migration.md): the token parameter, local or field becomes the
// provider type (provider-type), the header is set from its
// AuthorizationHeaderValue(), callers in the package pass a provider, and
// the raw token is wrapped by the token adapter (token-adapter) where it
// enters. An exported helper keeps its old form as a deprecated wrapper of
// its WithAuth variant, marked //go:fix inline. When there is no fix, the
// message ends with the reason, such as "(no fix: set token-adapter: …)". A
// field that other code also uses as a string (a log line, a generated
// file) stays a string: the header is set through the adapter over its
// read, and the fix's message names that use.
//
// Categories: root-helper, and ignore-directive for a //bearercheck:ignore
// directive without a reason or that suppresses nothing on a line of its
// findings (or on no finding's line, when it is the first analyzer enabled).
package bearerhelper
