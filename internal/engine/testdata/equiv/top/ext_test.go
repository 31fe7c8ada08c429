package top_test

import (
	"net/http"
	"testing"

	"example.com/equiv/top"
)

func TestExt(t *testing.T) {
	r, _ := http.NewRequest("GET", "http://x", nil)
	_ = top.Run(r, "t")
}
