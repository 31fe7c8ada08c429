package backend

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestGetUsageSendsToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("Authorization = %q", got)
		}
		w.Write([]byte(`{"requests":1}`))
	}))
	defer srv.Close()

	c := New(srv.URL, "test-token")
	if _, err := c.GetUsage(context.Background()); err != nil {
		t.Fatal(err)
	}

	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/wham/usage", nil)
	req.Header.Set("Authorization", "Bearer test-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
