package bearercheck

import (
	"fmt"
	"strings"
	"testing"
)

// helperChain is a package of n bearer-only helpers, each passing its
// token on to the next, declared in call order: h0 calls h1, …, and the
// last one writes the bearer header. Visited in source order, each round
// of the fixed point finds one more helper.
func helperChain(n int) string {
	var b strings.Builder
	b.WriteString("package p\nimport \"net/http\"\n")
	for i := range n - 1 {
		fmt.Fprintf(&b, "func h%d(h http.Header, tok string) { h%d(h, tok) }\n", i, i+1)
	}
	fmt.Fprintf(&b, "func h%d(h http.Header, tok string) { h.Set(\"Authorization\", \"Bearer \"+tok) }\n", n-1)
	return b.String()
}

// TestFixedPointCap checks that the cap of the fixed point is recorded
// when it is hit, and that within it a chain converges completely.
func TestFixedPointCap(t *testing.T) {
	short := Analyze(typeCheck(t, helperChain(MaxRounds-2)))
	if short.Unconverged {
		t.Errorf("a chain of %d helpers hit the cap of %d rounds", MaxRounds-2, MaxRounds)
	}
	if got := len(short.Helpers); got != MaxRounds-2 {
		t.Errorf("a chain of %d helpers: %d found", MaxRounds-2, got)
	}
	if long := Analyze(typeCheck(t, helperChain(3*MaxRounds))); !long.Unconverged {
		t.Errorf("a chain of %d helpers did not hit the cap of %d rounds, or hitting it was not recorded", 3*MaxRounds, MaxRounds)
	}
}
