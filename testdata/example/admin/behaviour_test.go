package admin_test

import (
	"context"
	"net/http"
	"testing"

	"example.com/acmeclient/admin"
	"example.com/acmeclient/auth"
)

// TestAdminHeaders: every request builder sends the header it sends today.
func TestAdminHeaders(t *testing.T) {
	ctx := context.Background()
	c := admin.New("http://admin.invalid", "user-tok", &auth.StaticProvider{Token: "creds-tok"})
	request := func(req *http.Request, err error) http.Header {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return req.Header
	}
	applied := make(http.Header)
	admin.ApplyAuth(applied, "user-tok")

	for name, tc := range map[string]struct {
		h    http.Header
		want string
	}{
		"ListUsers":     {request(c.ListUsers(ctx)), "Bearer user-tok"},
		"PingRequest":   {request(c.PingRequest(ctx)), "Bearer user-tok"},
		"ExportRequest": {request(c.ExportRequest(ctx)), "Bearer creds-tok"},
		"SessionsRequest": {
			request(admin.SessionsRequest(ctx, "http://admin.invalid", &auth.StaticProvider{Token: "s-tok"})),
			"Bearer s-tok",
		},
		"SessionsRequest without token": {
			request(admin.SessionsRequest(ctx, "http://admin.invalid", &auth.StaticProvider{})),
			"",
		},
		"SignedHeaders": {admin.SignedHeaders("user-tok"), "Bearer user-tok"},
		"ApplyAuth":     {applied, "Bearer user-tok"},
		"BasicAuthRequest": {
			request(admin.BasicAuthRequest(ctx, "http://admin.invalid", "u", "p")),
			"Basic dTpw",
		},
	} {
		vs, sent := tc.h["Authorization"]
		switch {
		case tc.want == "" && sent:
			t.Errorf("%s: Authorization = %q, want none", name, vs)
		case tc.want != "" && (len(vs) != 1 || vs[0] != tc.want):
			t.Errorf("%s: Authorization = %q, want %q", name, vs, tc.want)
		}
	}
}
