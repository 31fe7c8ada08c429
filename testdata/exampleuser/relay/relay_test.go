package relay_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"example.com/relay/relay"
)

const want = "Bearer user-tok"

// TestHeaders: each helper produces the user's bearer header, before and
// after the example's migration and `go fix`.
func TestHeaders(t *testing.T) {
	if got := relay.Authorization("user-tok"); got != want {
		t.Errorf("Authorization = %q", got)
	}
	if got := relay.Webhook("user-tok").Get("Authorization"); got != want {
		t.Errorf("Webhook = %q", got)
	}
	in := httptest.NewRequest(http.MethodGet, "/in", nil)
	out, err := relay.Forward(in, "http://upstream.invalid/x", "user-tok")
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Header.Get("Authorization"); got != want {
		t.Errorf("Forward = %q", got)
	}
	data, err := relay.Hello("user-tok", "s")
	if err != nil {
		t.Fatal(err)
	}
	var frame map[string]string
	if err := json.Unmarshal(data, &frame); err != nil || frame["authorization"] != want {
		t.Errorf("Hello = %s (%v)", data, err)
	}
}

// TestRequests: the calls that reach a server carry the user's token.
func TestRequests(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.Path] = r.Header.Get("Authorization")
		mu.Unlock()
		if r.Header.Get("Upgrade") != "" {
			conn, rw, err := http.NewResponseController(w).Hijack()
			if err != nil {
				return
			}
			rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
			rw.Flush()
			conn.Close()
			return
		}
		w.Write([]byte(`{"requests":3}`))
	}))
	defer srv.Close()

	ctx := context.Background()
	n, err := relay.Requests(ctx, srv.URL, "user-tok")
	if err != nil || n != 3 {
		t.Fatalf("Requests = %d, %v", n, err)
	}
	if err := relay.Open(ctx, srv.URL, "user-tok"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, path := range []string{"/wham/usage", "/v1/responses"} {
		if seen[path] != want {
			t.Errorf("%s: Authorization = %q, want %q", path, seen[path], want)
		}
	}
}
