package driver_test

import (
	"testing"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/driver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunExample(t *testing.T) {
	suite := analyzers.New(config.NewFlagOptions())
	var last driver.Progress
	res, err := driver.Run(driver.Config{
		Dir:       "../../testdata/example",
		Patterns:  []string{"./..."},
		Tests:     true,
		Analyzers: suite.Reporting(),
		Base:      suite.Base,
		Keep: func(p *driver.Package, base *bearercheck.Result) any {
			if base == nil || p.TestVariant {
				return 0
			}
			for _, s := range base.Sites {
				assert.NotNil(t, p.Fset.File(s.Value.Pos()), "positions resolve in Keep")
			}
			return len(base.Sites)
		},
		Progress: func(p driver.Progress) { last = p },
	})
	require.NoError(t, err)
	assert.Empty(t, res.Errors)
	assert.Empty(t, res.ActionErrors)
	assert.True(t, last.Loaded)
	assert.Equal(t, last.Total, last.Analysed, "every package analysed")

	plain, variants := 0, 0
	sites := 0
	for _, p := range res.Packages {
		if p.TestVariant {
			variants++
		} else {
			plain++
		}
		n, ok := p.Kept.(int)
		assert.True(t, ok, p.ID)
		sites += n
	}
	assert.Positive(t, plain)
	assert.Positive(t, variants, "test variants loaded")
	assert.Positive(t, sites)
}

func TestRunErrors(t *testing.T) {
	suite := analyzers.New(config.NewFlagOptions())
	for _, pattern := range []string{"./nosuchdir/...", "example.com/nosuch"} {
		res, err := driver.Run(driver.Config{Dir: "../../testdata/example", Patterns: []string{pattern}, Analyzers: suite.Reporting()})
		if err != nil {
			continue // go list failed: also an error
		}
		require.Len(t, res.Errors, 1, pattern)
		assert.Contains(t, res.Errors[0].Error(), "does not load", pattern)
	}
	res, err := driver.Run(driver.Config{Dir: "../../testdata/example", Patterns: []string{"./cmd/..."}, Analyzers: suite.Reporting()})
	require.NoError(t, err)
	assert.Empty(t, res.Errors)
}
