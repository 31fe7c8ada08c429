package testsinclude

import (
	"net/http"
	"testing"
)

func TestNewRequest(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, "http://localhost/files", nil)
	req.Header.Set("Authorization", "Bearer "+t.Name()) // want[bearerheader] `hard-codes the Bearer scheme`
}
