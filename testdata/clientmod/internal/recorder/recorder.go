// Package recorder is the fake backend of the behaviour tests: it keeps,
// for each request, its method, path and Authorization header.
package recorder

import (
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
)

// User is the header the signed-in user's token "user-tok" makes.
const User = "Bearer user-tok"

// AfterFix reports whether the tree under test is the one `bearercheck
// -fix` produced (BEARERCHECK_MIGRATED=1), where calls that ignored the
// agent task authenticate as the task.
func AfterFix() bool { return os.Getenv("BEARERCHECK_MIGRATED") == "1" }

// Request is one request the backend received. Authorization is nil when
// the header was absent.
type Request struct {
	Method, Path  string
	Authorization []string
}

// Backend is a running fake backend.
type Backend struct {
	URL string

	mu   sync.Mutex
	reqs []Request
}

// Start starts a backend that stops when t ends.
func Start(t testing.TB) *Backend {
	b := &Backend{}
	srv := httptest.NewServer(b)
	t.Cleanup(srv.Close)
	b.URL = srv.URL
	return b
}

// ServeHTTP records r and answers with JSON null, or with a protocol
// switch to an upgrade request.
func (b *Backend) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	b.reqs = append(b.reqs, Request{Method: r.Method, Path: r.URL.Path, Authorization: r.Header.Values("Authorization")})
	b.mu.Unlock()
	if r.Header.Get("Upgrade") == "" {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("null"))
		return
	}
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
	rw.Flush()
	conn.Close()
}

// Expect fails t unless the requests received since the last Expect went
// to paths, in order, each with the Authorization header want ("" for
// none), and forgets them.
func (b *Backend) Expect(t testing.TB, want string, paths ...string) {
	t.Helper()
	b.mu.Lock()
	reqs := b.reqs
	b.reqs = nil
	b.mu.Unlock()
	if len(reqs) != len(paths) {
		t.Fatalf("backend received %d requests %+v, want %d to %v", len(reqs), reqs, len(paths), paths)
	}
	for i, r := range reqs {
		if r.Path != paths[i] {
			t.Errorf("request %d: %s %s, want path %s", i, r.Method, r.Path, paths[i])
		}
		switch {
		case want == "" && r.Authorization != nil:
			t.Errorf("%s %s: Authorization %q, want none", r.Method, r.Path, r.Authorization)
		case want != "" && (len(r.Authorization) != 1 || r.Authorization[0] != want):
			t.Errorf("%s %s: Authorization %q, want %q", r.Method, r.Path, r.Authorization, want)
		}
	}
}
