// Package guardedkey writes the Authorization header through keys known
// only by control flow, in this package and through package hdr.
package guardedkey

import (
	"net/http"
	"os"

	"guardedkey/hdr"
)

func viaIf(req *http.Request, key string) {
	tok := os.Getenv("TOKEN")
	if key == "Authorization" {
		req.Header.Set(key, "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	}
	if key != "Authorization" {
		req.Header.Set(key, "Bearer "+tok) // not the Authorization header
	}
}

func viaSwitch(req *http.Request, key string) {
	tok := os.Getenv("TOKEN")
	switch key {
	case "authorization":
		req.Header.Set(key, "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	case "X-Trace":
		req.Header.Set(key, "Bearer "+tok)
	}
}

func crossPackage(req *http.Request) {
	tok := os.Getenv("TOKEN")
	hdr.Set(req, "Authorization", "Bearer "+tok) // want[bearerheader] `^Authorization header hard-codes the Bearer scheme; use`
	hdr.Set(req, "Authorization", "Basic "+tok)
}
