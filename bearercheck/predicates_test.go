package bearercheck

import (
	"go/types"
	"testing"
)

// TestValuePredicates pins the named meanings of Value's fields.
func TestValuePredicates(t *testing.T) {
	p := types.NewParam(0, nil, "tok", types.Typ[types.String])
	for _, tc := range []struct {
		name                                    string
		v                                       Value
		constant, empty, beginsWithParam, param bool
	}{
		{"empty string", Value{Exact: true}, true, true, false, false},
		{"constant", Value{Prefix: "Bearer x", Exact: true}, true, false, false, false},
		{"constant prefix", Value{Prefix: "Bearer "}, false, false, false, false},
		{"parameter", Value{Head: p, Exact: true}, false, false, true, true},
		{"parameter then text", Value{Head: p, Prefix: "/v1", Exact: true}, false, false, true, false},
		{"opaque", Value{}, false, false, false, false},
	} {
		if got := tc.v.IsConstant(); got != tc.constant {
			t.Errorf("%s: IsConstant = %v", tc.name, got)
		}
		if got := tc.v.IsEmptyString(); got != tc.empty {
			t.Errorf("%s: IsEmptyString = %v", tc.name, got)
		}
		if got := tc.v.BeginsWithParam(); got != tc.beginsWithParam {
			t.Errorf("%s: BeginsWithParam = %v", tc.name, got)
		}
		if got := tc.v.IsParam(); got != tc.param {
			t.Errorf("%s: IsParam = %v", tc.name, got)
		}
	}
}
