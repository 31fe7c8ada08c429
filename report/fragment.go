package report

import (
	"bytes"
	"encoding/gob"
	gofmt "go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"

	"github.com/bearercheck/bearercheck/internal/redact"
)

// A Fragment is what the inventory needs from one analysed package: plain
// values (no syntax trees, no type-checker objects), with the final
// messages and fix text, so that it can be computed right after a package
// is analysed (by internal/inventory, from the analyzers' results),
// cached, and joined with the fragments of other packages by Build. File
// names are absolute.
type Fragment struct {
	Package   string           `json:"package"` // import path
	Sites     []FragmentSite   `json:"sites,omitempty"`
	Migrated  []FragmentSite   `json:"migrated,omitempty"`
	Ignored   []FragmentSite   `json:"ignored,omitempty"`
	Helpers   []FragmentHelper `json:"helpers,omitempty"`
	Calls     []FragmentCall   `json:"calls,omitempty"`
	TaskCalls []FragmentTask   `json:"taskCalls,omitempty"`
	Wrappers  []Wrapper        `json:"wrappers,omitempty"`
	// Funcs are the request endpoints of the package's functions that
	// build or send requests, by function key.
	Funcs map[string]FuncEndpoints `json:"funcs,omitempty"`
}

func init() { gob.Register(&Fragment{}) } // kept in the driver's cache (internal/inventory)

// FuncEndpoints are the endpoints of one function.
type FuncEndpoints struct {
	Paths []string `json:"paths,omitempty"` // the paths it requests itself
	// Params is set when it also builds request URLs from its
	// parameters: its callers' arguments are the paths.
	Params bool `json:"params,omitempty"`
}

// FragmentSite is a site with the key of its enclosing function.
type FragmentSite struct {
	Site
	Func string `json:"func"` // function key ("" at package level)
	// Credential is the keyed hash of a hard-coded credential's text
	// (CredentialHash), part of the site's fingerprint; "" for other sites.
	Credential string `json:"-"`
}

// FragmentHelper is a helper declaration with its key.
type FragmentHelper struct {
	Helper
	Key string `json:"key"`
}

// FragmentCall is a call to a helper or to a function that builds a
// request URL from a parameter.
type FragmentCall struct {
	Caller
	Callee string `json:"callee"` // function key
	From   string `json:"from"`   // the calling function's key
	// Paths are the paths the call passes to the callee's path
	// parameters; Through is set when it passes one of the caller's own.
	Paths   []string `json:"paths,omitempty"`
	Through bool     `json:"through,omitempty"`
}

// FragmentTask is a task call with the keys needed to find its endpoints.
type FragmentTask struct {
	TaskCall
	CalleeKey string `json:"calleeKey"`
	From      string `json:"from"`
}

// Redacted replaces credential text in inventory values.
const Redacted = "[redacted]"

// Normalize rewrites the text of a Go expression on one line, in gofmt's
// spacing, with credential literals redacted.
func Normalize(src string) string {
	file := token.NewFileSet().AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	type tok struct {
		tok token.Token
		lit string
	}
	var toks []tok
	for {
		_, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		switch {
		case t == token.SEMICOLON && lit == "\n":
			continue
		case t == token.STRING || t == token.CHAR:
			lit = redactLiteral(lit)
		case lit == "":
			lit = t.String()
		}
		toks = append(toks, tok{t, lit})
	}
	var b strings.Builder
	for i, t := range toks {
		if t.tok == token.COMMA && i+1 < len(toks) && (toks[i+1].tok == token.RPAREN || toks[i+1].tok == token.RBRACE || toks[i+1].tok == token.RBRACK) {
			continue // a trailing comma of a multi-line list
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lit)
	}
	line := b.String()
	// Reprint in gofmt's spacing: positions now say "one line".
	fset := token.NewFileSet()
	e, err := parser.ParseExprFrom(fset, "", line, 0)
	if err != nil {
		return line
	}
	var out bytes.Buffer
	if err := gofmt.Node(&out, fset, e); err != nil {
		return line
	}
	return out.String()
}

// redactLiteral returns a string literal unchanged when it cannot hold a
// credential (redact.MayHoldCredential: the rule every output applies)
// and a redacted literal otherwise (the scheme kept).
func redactLiteral(lit string) string {
	s, err := strconv.Unquote(lit)
	if err != nil {
		return strconv.Quote(Redacted)
	}
	if !redact.MayHoldCredential(s) {
		return lit
	}
	if scheme, _ := redact.SplitScheme(s); scheme != "" {
		return strconv.Quote(scheme + " " + Redacted)
	}
	return strconv.Quote(Redacted)
}
