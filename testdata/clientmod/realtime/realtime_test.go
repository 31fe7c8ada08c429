package realtime_test

import (
	"context"
	"testing"

	"example.com/codexclient/internal/recorder"
	"example.com/codexclient/realtime"
)

// TestDial: the upgrade carries the token, and no Authorization header
// when there is no token.
func TestDial(t *testing.T) {
	b := recorder.Start(t)
	for _, tc := range []struct{ token, want string }{
		{"user-tok", recorder.User},
		{"", ""},
	} {
		s, err := realtime.Dial(context.Background(), b.URL, tc.token, "sess")
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		b.Expect(t, tc.want, "/v1/responses")
	}
}
