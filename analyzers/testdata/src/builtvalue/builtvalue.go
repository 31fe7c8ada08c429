// Package builtvalue: bearer values built incrementally in a builder, a
// buffer, a byte slice or a string slice.
package builtvalue

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
)

func builder(h http.Header, tok string) { // want[bearerhelper] `^builder is a bearer-only helper: it sends parameter tok as a Bearer token`
	var b strings.Builder
	b.WriteString("Bearer ")
	b.WriteString(tok)
	h.Set("Authorization", b.String()) // want[bearerheader] `hard-codes the Bearer scheme`
}

func builderPtr(h http.Header, tok string) { // want[bearerhelper] `^builderPtr is a bearer-only helper: it sends parameter tok as a Bearer token`
	b := &strings.Builder{}
	b.WriteString("Bearer")
	b.WriteByte(' ')
	b.WriteString(tok)
	h.Set("Authorization", b.String()) // want[bearerheader] `hard-codes the Bearer scheme`
}

func fprintf(h http.Header, tok string) { // want[bearerhelper] `^fprintf is a bearer-only helper: it sends parameter tok as a Bearer token`
	var b strings.Builder
	fmt.Fprintf(&b, "Bearer %s", tok)
	h.Set("Authorization", b.String()) // want[bearerheader] `hard-codes the Bearer scheme`
}

func buffer(h http.Header, tok string) { // want[bearerhelper] `^buffer is a bearer-only helper: it sends parameter tok as a Bearer token`
	buf := new(bytes.Buffer)
	io.WriteString(buf, "Bearer ")
	buf.Write([]byte(tok))
	h.Set("Authorization", buf.String()) // want[bearerheader] `hard-codes the Bearer scheme`
}

func bufferString(h http.Header, tok string) { // want[bearerhelper] `^bufferString is a bearer-only helper: it sends parameter tok as a Bearer token`
	buf := bytes.NewBufferString("Bearer ")
	buf.WriteString(tok)
	h.Set("Authorization", string(buf.Bytes())) // want[bearerheader] `hard-codes the Bearer scheme`
}

func appendf(h http.Header, tok string) { // want[bearerhelper] `^appendf is a bearer-only helper: it sends parameter tok as a Bearer token`
	var buf []byte
	buf = fmt.Appendf(buf, "Bearer %s", tok)
	h.Set("Authorization", string(buf)) // want[bearerheader] `hard-codes the Bearer scheme`
}

func appendBytes(h http.Header, tok string) { // want[bearerhelper] `^appendBytes is a bearer-only helper: it sends parameter tok as a Bearer token`
	buf := []byte("Bearer ")
	buf = append(buf, tok...)
	h.Set("Authorization", string(buf)) // want[bearerheader] `hard-codes the Bearer scheme`
}

func join(h http.Header, tok string) { // want[bearerhelper] `^join is a bearer-only helper: it sends parameter tok as a Bearer token`
	var parts []string
	parts = append(parts, "Bearer")
	parts = append(parts, tok)
	h.Set("Authorization", strings.Join(parts, " ")) // want[bearerheader] `hard-codes the Bearer scheme`
}

func joinLit(h http.Header, tok string) { // want[bearerhelper] `^joinLit is a bearer-only helper: it sends parameter tok as a Bearer token`
	parts := []string{"Bearer"}
	parts = append(parts, tok)
	h.Set("Authorization", strings.Join(parts, " ")) // want[bearerheader] `hard-codes the Bearer scheme`
}

// A helper that builds the value in a builder is a bearer-only helper.
func authValue(tok string) string { // want[bearerhelper] `^authValue is a bearer-only helper: it sends parameter tok as a Bearer token`
	var b strings.Builder
	b.WriteString("Bearer ")
	b.WriteString(tok)
	return b.String()
}

func viaHelper(h http.Header, tok string) { // want[bearerhelper] `^viaHelper is a bearer-only helper: it sends parameter tok as a Bearer token`
	h.Set("Authorization", authValue(tok)) // want[bearerheader] `hard-codes the Bearer scheme through authValue`
}

// Not bearer values: another scheme, a scheme chosen in a branch, a
// builder reset, a value read before it is built.
func notBearer(h http.Header, tok string, basic bool) {
	var b strings.Builder
	b.WriteString("Basic ")
	b.WriteString(tok)
	h.Set("Authorization", b.String())

	var c strings.Builder
	if basic {
		c.WriteString("Basic ")
	} else {
		c.WriteString("Bearer ")
	}
	h.Set("Authorization", c.String())

	var d strings.Builder
	d.WriteString("Bearer ")
	d.Reset()
	d.WriteString("Token ")
	h.Set("Authorization", d.String())

	var e strings.Builder
	h.Set("Authorization", e.String())
	e.WriteString("Bearer " + tok)

	var parts []string
	for _, p := range []string{"Bearer", tok} {
		parts = append(parts, p)
	}
	h.Set("Authorization", strings.Join(parts, " "))
}
