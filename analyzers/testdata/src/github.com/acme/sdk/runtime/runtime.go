// Package runtime is a stub of a generated client's runtime, in the style of
// go-openapi's: requests are written through an interface.
package runtime

// HeaderAuthorization is the Authorization header's name.
const HeaderAuthorization = "Authorization"

// ClientRequest is the request a generated client writes its parameters to.
type ClientRequest interface {
	SetHeaderParam(name string, values ...string) error
	GetHeaderParams() map[string][]string
	SetQueryParam(name string, values ...string) error
}

// ClientAuthInfoWriter writes authentication to a request.
type ClientAuthInfoWriter interface {
	AuthenticateRequest(ClientRequest) error
}

// ClientAuthInfoWriterFunc adapts a function to a ClientAuthInfoWriter.
type ClientAuthInfoWriterFunc func(ClientRequest) error

// AuthenticateRequest calls f.
func (f ClientAuthInfoWriterFunc) AuthenticateRequest(r ClientRequest) error { return f(r) }
