package backend

// BearerHeader formats a raw user token as an Authorization header value.
// Other packages still call it; it cannot express an agent assertion.
func BearerHeader(tok string) string {
	return "Bearer " + tok
}
