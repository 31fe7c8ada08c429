package negatives

import (
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"
)

// Reading the header of an incoming request is not a sink.
func tokenFrom(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// A WWW-Authenticate challenge names the Bearer scheme legitimately.
func challenge(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
	w.Header().Add("Www-Authenticate", "Bearer realm=example")
	w.WriteHeader(http.StatusUnauthorized)
}

// Other schemes.
func otherSchemes(h http.Header, user, pass, tok string) {
	h.Set("Authorization", "Basic "+user+":"+pass)
	h.Set("Authorization", "Token "+tok)
	h.Set("Authorization", "AgentAssertion "+tok)
	h.Set("Authorization", fmt.Sprintf("token %s", tok))
}

// Logs and prints.
func logs(tok string) {
	log.Printf("Bearer %s", tok)
	log.Println("Bearer " + tok)
	fmt.Println("Bearer " + tok)
	fmt.Printf("Authorization: Bearer %s\n", tok)
}

// Comparison.
func isBearer(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	return strings.HasPrefix(h, "Bearer ") || strings.EqualFold(h[:min(len(h), 7)], "bearer ")
}

// A URL query value.
func query(u *url.URL, tok string) string {
	q := u.Query()
	q.Set("access_token", tok)
	q.Set("token_type", "Bearer "+tok)
	u.RawQuery = q.Encode() + "&auth=" + url.QueryEscape("Bearer "+tok)
	return u.String()
}

// A bearer value that reaches no sink.
func unused(tok string) string {
	v := "Bearer " + tok
	return strings.ToUpper(v[:1])
}

// Comments are never sinks: h.Set("Authorization", "Bearer "+tok)

// Query parameters are not headers, even under the Authorization key.
func queryAuthorization(q url.Values, tok string) {
	q.Set("Authorization", "Bearer "+tok)
	q["authorization"] = []string{"Bearer " + tok}
}
