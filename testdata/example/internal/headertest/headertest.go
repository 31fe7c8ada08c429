// Package headertest is a test server that records the Authorization
// header of every request it receives, for the module's behaviour tests.
package headertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
)

// Migrated reports whether the tests run on the tree after
// `bearercheck -fix` (BEARERCHECK_MIGRATED=1): calls that ignored an
// available agent task then send the task's header.
func Migrated() bool { return os.Getenv("BEARERCHECK_MIGRATED") == "1" }

// A Call is one request the server received.
type Call struct {
	Method, Path string
	// Authorization is the header's value; Sent says whether the request
	// carried the header at all.
	Authorization string
	Sent          bool
}

// Server is an httptest.Server that answers every request with an empty
// JSON object (or a protocol switch when the request asks for an upgrade)
// and records it.
type Server struct {
	*httptest.Server
	mu    sync.Mutex
	calls []Call
}

// New starts a server that is closed when t ends.
func New(t testing.TB) *Server {
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	vs, sent := r.Header["Authorization"]
	c := Call{Method: r.Method, Path: r.URL.Path, Sent: sent}
	if sent {
		c.Authorization = vs[0]
	}
	s.mu.Lock()
	s.calls = append(s.calls, c)
	s.mu.Unlock()

	if r.Header.Get("Upgrade") != "" {
		switchProtocols(w)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{}`))
}

// switchProtocols completes a websocket-style upgrade and hangs up.
func switchProtocols(w http.ResponseWriter) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	buf.WriteString("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
	buf.Flush()
}

// Calls returns the requests received so far and forgets them.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	calls := s.calls
	s.calls = nil
	return calls
}

// Only returns the one request received since the last call of Calls or
// Only; the test fails unless there was exactly one.
func (s *Server) Only(t testing.TB) Call {
	t.Helper()
	calls := s.Calls()
	if len(calls) != 1 {
		t.Fatalf("server received %d requests, want 1: %+v", len(calls), calls)
	}
	return calls[0]
}

// Want fails t unless c carried the Authorization header value want; an
// empty want means no Authorization header at all.
func Want(t testing.TB, c Call, want string) {
	t.Helper()
	switch {
	case want == "" && c.Sent:
		t.Errorf("%s %s: Authorization = %q, want no header", c.Method, c.Path, c.Authorization)
	case want != "" && c.Authorization != want:
		t.Errorf("%s %s: Authorization = %q (sent %v), want %q", c.Method, c.Path, c.Authorization, c.Sent, want)
	}
}
