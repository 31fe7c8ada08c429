// Package relay forwards requests to the Acme API with a user token, using
// the helpers of example.com/acmeclient.
package relay

import (
	"context"
	"net/http"

	"example.com/acmeclient/admin"
	"example.com/acmeclient/backend"
	"example.com/acmeclient/stream"
)

// Authorization returns the header value for token.
func Authorization(token string) string {
	return backend.BearerHeader(token)
}

// Webhook returns the headers of a signed webhook for token.
func Webhook(token string) http.Header {
	return admin.SignedHeaders(token)
}

// Forward copies r for target with token's credentials.
func Forward(r *http.Request, target, token string) (*http.Request, error) {
	out, err := http.NewRequestWithContext(r.Context(), r.Method, target, r.Body)
	if err != nil {
		return nil, err
	}
	admin.ApplyAuth(out.Header, token)
	return out, nil
}

// Open opens the responses stream at baseURL and closes it again.
func Open(ctx context.Context, baseURL, token string) error {
	conn, err := stream.Connect(ctx, baseURL, token)
	if err != nil {
		return err
	}
	return conn.Close()
}

// Hello returns the first frame of a stream session.
func Hello(token, session string) ([]byte, error) {
	return stream.Hello(token, session)
}

// Requests returns the number of requests token has made.
func Requests(ctx context.Context, baseURL, token string) (int, error) {
	u, err := backend.New(baseURL, token).GetUsage(ctx)
	if err != nil {
		return 0, err
	}
	return u.Requests, nil
}
