package admin

import (
	"context"
	"net/http"
	"testing"
)

func TestApplyAuth(t *testing.T) {
	h := make(http.Header)
	ApplyAuth(h, "tok")
	want := make(http.Header)
	want.Set("Authorization", "Bearer "+"tok")
	if got := h.Get("Authorization"); got != want.Get("Authorization") {
		t.Fatalf("Authorization = %q, want %q", got, want.Get("Authorization"))
	}
}

func TestListUsers(t *testing.T) {
	req, err := New("http://example.invalid", "tok", nil).ListUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get("Authorization"); got != "Bearer tok" {
		t.Fatalf("Authorization = %q", got)
	}
}
