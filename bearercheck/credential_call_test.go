package bearercheck

import (
	"go/types"
	"testing"
)

// A constant passed in a helper's token position is a hard-coded
// credential, recorded in Result.Credentials so that every printer
// redacts its line; a placeholder or a token's name is not.
func TestHelperTokenCredentials(t *testing.T) {
	p := typeCheck(t, `package p
import ("net/http"; "os")
func set(r *http.Request, tok string) { r.Header.Set("Authorization", "Bearer "+tok) }
func value(tok string) string { return "Bearer " + tok }
func byName(r *http.Request, name string) { r.Header.Set("Authorization", "Bearer "+os.Getenv(name)) }
func f(r *http.Request) {
	set(r, "sk-live-1")
	r.Header.Set("Authorization", value("sk-live-2"))
	set(r, "<token>")
	byName(r, "API_TOKEN")
}`)
	r := Analyze(p)
	var got []string
	for _, s := range r.Credentials {
		got = append(got, types.ExprString(s.Value))
	}
	want := []string{`set(r, "sk-live-1")`, `value("sk-live-2")`}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("credentials = %q, want %q", got, want)
	}
}
