package bearercheck

import (
	"fmt"
	"slices"
	"strings"
)

// FuncSummary is what the analysis learns about a function and needs to
// know about it when analysing its callers, in this package or another
// (where it travels as an analysis fact).
type FuncSummary struct {
	// Results describes each string result the function returns, when
	// something is known about it.
	Results []ResultSummary
	// Helper is set when the function is bearer-only: its token comes from
	// these parameters or receiver fields.
	Helper *TokenSource
	// Stores is set when the function stores these parameters into a
	// token field, which a helper of its package sends as a Bearer token
	// (a constructor, a setter, a functional option): calling it from
	// another module passes a token to a bearer-only API (see external).
	Stores *TokenSource
	// Root is set when the function builds or writes the bearer value
	// itself; otherwise it is bearer-only through another helper.
	Root bool
	// Scheme is set when the function writes a parameter, followed by
	// white space and a token, to an authorization sink: it is
	// scheme-parametric, and callers that pass "Bearer" write a bearer value.
	Scheme *SchemeSink
	// Writes are the parameters the function writes, whole, as the
	// Authorization header value (directly, through a header field or
	// through another such function): callers that pass a bearer value
	// there write a bearer value.
	Writes []int
	// OtherSchemes is set for a root helper that also writes another
	// scheme (Basic, "Token token=…") to the Authorization header: it
	// hard-codes the Bearer scheme for one of its auth types only.
	OtherSchemes bool
	// ProviderFields are, for an AuthProvider method, the receiver fields
	// it reads: a token read from one of them comes from the provider.
	ProviderFields []string
	// PathParams are the parameters the function builds a request URL
	// from: its callers' arguments are the endpoints.
	PathParams []PathParam
	// Adapts are the parameters the function hands, unchanged, to the
	// configured token adapter (a migrated function's deprecated wrapper):
	// a constant passed there is a hard-coded credential.
	Adapts []int
}

// ResultSummary is what is known about one result of a function.
type ResultSummary struct {
	Head     int    // the result begins with this parameter (RecvHead: the receiver); -1: with Prefix
	Prefix   string // known text (after the Head parameter, if any)
	Exact    bool   // the result is exactly Head+Prefix
	Provider bool   // the result is an AuthProvider's header value
	// Tail is the parameter the result ends with, unchanged, after Prefix
	// ("Bearer "+tok); -1 when there is none.
	Tail int
}

// RecvHead is ResultSummary.Head for a result that begins with the
// method's receiver: func (t TokenType) Apply(tok string) string {
// return fmt.Sprintf("%s %s", t, tok) } is scheme-parametric in t.
const RecvHead = -2

// TokenSource says where a helper's token comes from.
type TokenSource struct {
	Params []int    // parameter indices
	Names  []string // their names, in the same order ("" when it reaches the token only through Calls)
	Recv   bool     // the receiver
	Fields []string // receiver fields, when known
	// Calls are the calls whose result is the token, as written
	// ("id.GetToken"): they, not what flows into them, are named.
	Calls []string
	// Verbatim are the parameters written to the sink as the token
	// itself, unchanged: a constant passed there is a hard-coded
	// credential at the call.
	Verbatim []int
}

// SchemeSink describes a scheme-parametric function.
type SchemeSink struct {
	Param int    // the scheme parameter
	Rest  string // the text written after it (starts with white space)
}

func (s *FuncSummary) empty() bool {
	return s == nil || len(s.Results) == 0 && s.Helper == nil && s.Stores == nil && s.Scheme == nil && len(s.ProviderFields) == 0 && len(s.PathParams) == 0 && len(s.Writes) == 0 && len(s.Adapts) == 0
}

// onlyPaths reports whether all that is known about a function is the
// parameters it builds request URLs from: calling it cannot make a site.
func (s *FuncSummary) onlyPaths() bool {
	rest := *s
	rest.PathParams = nil
	return len(s.PathParams) > 0 && rest.empty()
}

// IsHelper reports whether the function is a bearer-only helper.
func (s *FuncSummary) IsHelper() bool { return s != nil && s.Helper != nil }

// String renders the summary compactly, e.g. "bearerOnly(token)" or
// "bearerOnlyVia(c.token) returnsBearer".
func (s *FuncSummary) String() string {
	var parts []string
	if s.Helper != nil {
		name := "bearerOnly"
		if !s.Root {
			name = "bearerOnlyVia"
		}
		parts = append(parts, name+"("+s.Helper.String()+")")
		if s.OtherSchemes {
			parts = append(parts, "otherSchemes")
		}
	}
	if s.Stores != nil {
		parts = append(parts, "storesToken("+s.Stores.String()+")")
	}
	for i, r := range s.Results {
		switch {
		case r.Head == RecvHead:
			parts = append(parts, "returnsScheme(receiver)")
		case r.Head >= 0:
			parts = append(parts, fmt.Sprintf("returnsScheme(%d)", r.Head))
		case isBearerText(r.Prefix):
			parts = append(parts, "returnsBearer")
		case r.Provider:
			parts = append(parts, "returnsHeaderValue")
		case r.Exact:
			parts = append(parts, fmt.Sprintf("returnsConst(%d)", i))
		}
	}
	if s.Scheme != nil {
		parts = append(parts, fmt.Sprintf("writesScheme(%d)", s.Scheme.Param))
	}
	for _, p := range s.Writes {
		parts = append(parts, fmt.Sprintf("writesValue(%d)", p))
	}
	if len(s.ProviderFields) > 0 {
		parts = append(parts, "provider("+strings.Join(s.ProviderFields, ",")+")")
	}
	for _, p := range s.PathParams {
		parts = append(parts, fmt.Sprintf("url(%d)", p.Param))
	}
	for _, p := range s.Adapts {
		parts = append(parts, fmt.Sprintf("adapts(%d)", p))
	}
	return strings.Join(parts, " ")
}

// String names the token source: parameter names, then receiver fields.
func (t *TokenSource) String() string {
	var parts []string
	for _, n := range t.Names {
		if n != "" {
			parts = append(parts, n)
		}
	}
	for _, c := range t.Calls {
		parts = append(parts, c+"()")
	}
	if t.Recv {
		if len(t.Fields) == 0 && len(t.Calls) == 0 {
			parts = append(parts, "receiver")
		}
		for _, f := range t.Fields {
			parts = append(parts, "."+f)
		}
	}
	return strings.Join(parts, ", ")
}

// add merges another source into t.
func (t *TokenSource) add(u TokenSource) {
	for i, p := range u.Params {
		switch j := slices.Index(t.Params, p); {
		case j < 0:
			t.Params = append(t.Params, p)
			t.Names = append(t.Names, u.Names[i])
		case t.Names[j] == "":
			t.Names[j] = u.Names[i] // named where it reaches the token directly
		}
	}
	for _, c := range u.Calls {
		if !slices.Contains(t.Calls, c) {
			t.Calls = append(t.Calls, c)
		}
	}
	for _, p := range u.Verbatim {
		if !slices.Contains(t.Verbatim, p) {
			t.Verbatim = append(t.Verbatim, p)
		}
	}
	if u.Recv {
		t.Recv = true
		for _, f := range u.Fields {
			if !slices.Contains(t.Fields, f) {
				t.Fields = append(t.Fields, f)
			}
		}
	}
}

func (t TokenSource) isZero() bool { return len(t.Params) == 0 && !t.Recv }

// addWrites records that the function writes parameter p whole as the
// Authorization header value.
func (s *FuncSummary) addWrites(p int) {
	if p >= 0 && !slices.Contains(s.Writes, p) {
		s.Writes = append(s.Writes, p)
	}
}
