package bearercheck

import (
	"fmt"
	"go/ast"
	"runtime"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/internal/typecheck"
)

// reassignments is a function with n conditional reassignments of one
// variable, each followed by a read of it, and a sink of the last read:
//
//	v := "Bearer "
//	if len(t) > 0 { v = v + t }
//	w0 := v
//	...
func reassignments(n int, op string) string {
	var b strings.Builder
	b.WriteString("package p\nimport \"net/http\"\nfunc f(h http.Header, t string) {\n\tv := \"Bearer \"\n")
	for i := range n {
		if op == "+=" {
			fmt.Fprintf(&b, "\tif len(t) > %d { v += t }\n\tw%d := v\n", i, i)
		} else {
			fmt.Fprintf(&b, "\tif len(t) > %d { v = v + t }\n\tw%d := v\n", i, i)
		}
		if i > 0 {
			fmt.Fprintf(&b, "\t_ = w%d\n", i-1)
		}
	}
	fmt.Fprintf(&b, "\th.Set(\"Authorization\", w%d)\n}\n", n-1)
	return b.String()
}

func typeCheck(t testing.TB, src string) *Package {
	t.Helper()
	fset, file, tpkg, info := typecheck.Source(src)
	if file == nil || tpkg == nil {
		t.Fatal("source does not type-check")
	}
	return &Package{Fset: fset, Files: []*ast.File{file}, Types: tpkg, Info: info, Config: Defaults()}
}

// TestLinearEvaluation checks that evaluating values costs time linear in
// the number of assignments: a variable reassigned and read n times is
// evaluated once, not once per read. Allocations are the measure (they
// do not depend on the machine's load where time does): quadrupling n must
// not multiply the bytes allocated by much more than four.
func TestLinearEvaluation(t *testing.T) {
	for _, op := range []string{"=", "+="} {
		t.Run(op, func(t *testing.T) {
			allocs := map[int]uint64{}
			for _, n := range []int{1000, 4000} {
				p := typeCheck(t, reassignments(n, op))
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				r := Analyze(p)
				runtime.ReadMemStats(&after)
				allocs[n] = after.TotalAlloc - before.TotalAlloc
				if len(r.Sites) != 1 || !r.Sites[0].Val.IsBearer() {
					t.Fatalf("n=%d: want the one bearer site, got %d sites", n, len(r.Sites))
				}
			}
			if ratio := float64(allocs[4000]) / float64(allocs[1000]); ratio > 6 {
				t.Errorf("allocated bytes grow %.1f× for 4× the assignments (%d → %d): evaluation is not linear", ratio, allocs[1000], allocs[4000])
			}
		})
	}
}

func BenchmarkReassignments(b *testing.B) {
	for _, op := range []string{"=", "+="} {
		b.Run(op, func(b *testing.B) {
			p := typeCheck(b, reassignments(4000, op))
			b.ReportAllocs()
			for b.Loop() {
				Analyze(p)
			}
		})
	}
}
