// Package option is a stub of an SDK's functional request options, in the
// style of option.WithHeader in generated API clients.
package option

// RequestOption configures a request.
type RequestOption func(map[string]string)

// WithHeader returns a RequestOption that sets the header key to value.
func WithHeader(key, value string) RequestOption {
	return func(h map[string]string) { h[key] = value }
}

// WithBaseURL returns a RequestOption that sets the base URL.
func WithBaseURL(base string) RequestOption {
	return func(map[string]string) {}
}
