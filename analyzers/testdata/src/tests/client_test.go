package tests

import (
	"net/http"
	"testing"
)

func TestNewRequest(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, "http://localhost/files", nil)
	req.Header.Set("Authorization", "Bearer "+"test-token")
	req.Header.Set("Authorization", "Bearer "+t.Name())
}
