package fixsprintf

import (
	"context"
	"fmt"
	"net/http"
)

// A second Sprintf shape, and the %v verb; fmt is imported last in its group.
func do2(ctx context.Context, p Provider) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://example.com/files", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Authorization", fmt.Sprintf("%s %s", "Bearer", p.BearerToken())) // want[bearerheader] `use p.AuthorizationHeaderValue\(\)`
	return req, nil
}
