package bearercheck

import (
	"go/types"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultConfigIsValid(t *testing.T) {
	cfg := DefaultConfig()
	require.NoError(t, cfg.Validate())
}

func TestMatchers(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Allow = []string{"example.com/legacy/...", "example.com/auth.Static.Header", "example.com/auth.Sign", "gopkg.in/yaml.v3"}
	cfg.AgentTaskTypes = []string{"Job", "*AgentTask", "example.com/t.Task"}
	cfg.BearerAPIs = []string{"(*example.com/x.C).Set", "example.com/x.F"}
	c, err := cfg.Compile()
	require.NoError(t, err)

	pkg := func(path string) *types.Package { return types.NewPackage(path, path[strings.LastIndex(path, "/")+1:]) }
	auth, x := pkg("example.com/auth"), pkg("example.com/x")
	static := types.NewNamed(types.NewTypeName(0, auth, "Static", nil), types.NewStruct(nil, nil), nil)
	recv := types.NewVar(0, auth, "s", static)
	method := func(p *types.Package, recv *types.Var, name string) *types.Func {
		return types.NewFunc(0, p, name, types.NewSignatureType(recv, nil, nil, nil, nil, false))
	}
	assert.True(t, c.Allowed(pkg("example.com/legacy"), nil))
	assert.True(t, c.Allowed(pkg("example.com/legacy/a/b"), nil))
	assert.False(t, c.Allowed(pkg("example.com/legacyx"), nil))
	assert.True(t, c.Allowed(pkg("gopkg.in/yaml.v3"), nil))
	assert.True(t, c.Allowed(auth, method(auth, recv, "Header")))
	assert.False(t, c.Allowed(auth, method(auth, recv, "Other")))
	assert.True(t, c.Allowed(auth, method(auth, nil, "Sign")))
	assert.False(t, c.Allowed(auth, nil))

	cType := types.NewNamed(types.NewTypeName(0, x, "C", nil), types.NewStruct(nil, nil), nil)
	assert.True(t, c.IsBearerAPI(method(x, types.NewVar(0, x, "c", types.NewPointer(cType)), "Set")))
	assert.False(t, c.IsBearerAPI(method(x, types.NewVar(0, x, "c", types.NewPointer(cType)), "Get")))
	assert.True(t, c.IsBearerAPI(method(x, nil, "F")))
	assert.False(t, c.IsBearerAPI(method(auth, nil, "F")))

	tn := func(p *types.Package, name string) *types.TypeName { return types.NewTypeName(0, p, name, nil) }
	assert.True(t, c.IsTaskType(tn(x, "Job")))
	assert.True(t, c.IsTaskType(tn(x, "RegisteredAgentTask")))
	assert.True(t, c.IsTaskType(tn(pkg("example.com/t"), "Task")))
	assert.False(t, c.IsTaskType(tn(x, "Task")))

	// An entry naming a function that does not exist in a loaded package.
	auth.Scope().Insert(static.Obj())
	static.AddMethod(method(auth, recv, "Header"))
	auth.Scope().Insert(method(auth, nil, "Sign"))
	assert.Empty(t, c.UnmatchedAllow(map[string]*types.Package{"example.com/auth": auth}))
	cfg.Allow = []string{"example.com/auth.Nope", "example.com/auth.Static.Nope", "example.com/other.F"}
	c, err = cfg.Compile()
	require.NoError(t, err)
	got := c.UnmatchedAllow(map[string]*types.Package{"example.com/auth": auth})
	require.Len(t, got, 2)
	assert.Contains(t, got[0], `allow: "example.com/auth.Nope" matches nothing`)
	assert.Contains(t, got[1], `"example.com/auth.Static.Nope"`)
}

// TestParseAdapter checks how token-adapter names are read.
func TestParseAdapter(t *testing.T) {
	n, err := ParseAdapter("example.com/acme/auth.CoreAuthProvider.Token")
	require.NoError(t, err)
	assert.Equal(t, AdapterName{Pkg: "example.com/acme/auth", Type: "CoreAuthProvider", Name: "Token"}, n)
}
