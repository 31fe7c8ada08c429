package reassign

import "net/http"

// x = x + y keeps the prefix of x's other assignments, as x += y does.
func extended(h http.Header, tok, suffix string) {
	v := "Bearer " + tok
	if suffix != "" {
		v = v + ";" + suffix
	}
	h.Set("Authorization", v) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

func appended(h http.Header, tok string) {
	v := "Bearer "
	v += tok
	h.Set("Authorization", v) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// A constant extended by a token is not a constant: not a credential.
func constantExtended(h http.Header, tok string) {
	v := "Bearer abc"
	v += tok
	h.Set("Authorization", v) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use an AuthProvider's AuthorizationHeaderValue\(\) \(no fix: set token-adapter: no token adapter found; set provider-type: no AuthProvider interface found\)$`
}

// Extending another variable is not extending this one.
func otherVariable(h http.Header, tok string) {
	v := "Basic " + tok
	w := "Bearer " + tok
	v = w + ";v=2"
	h.Set("Authorization", v)
}
