// Package plugin is the golangci-lint v2 module plugin of bearercheck.
//
// It registers the linter "bearercheck", which runs the reporting analyzers
// bearerheader, bearerhelper and taskauth (and, through their Requires, the
// fact-producing base analyzer bearerdetect). Build a custom golangci-lint
// from .golangci-plugin.yml with `golangci-lint custom` (which reads it as
// .custom-gcl.yml) or, offline, from the module in internal/golangci/custom,
// and enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [bearercheck]
//	  settings:
//	    custom:
//	      bearercheck:
//	        type: module
//	        description: hard-coded bearer Authorization headers
//	        settings:
//	          provider-method: AuthorizationHeaderValue
//
// The settings are the keys of .bearercheck.yml. Omitted keys keep their
// defaults; golangci-lint settings win over any .bearercheck.yml.
package plugin

import (
	"fmt"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// Name is the linter name under which the plugin registers.
const Name = "bearercheck"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the bearercheck linter plugin.
type Plugin struct {
	cfg bearercheck.Config
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes golangci-lint settings (the keys of .bearercheck.yml) over the
// defaults and validates them, with the decoder of the configuration file
// and its errors: unknown keys, keys without a value and values of the
// wrong type are errors naming the key.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := config.DecodeSettings(settings)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	return &Plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns the reporting analyzers. golangci-lint follows
// Requires, so the base analyzer bearerdetect runs (and its facts flow
// across packages) without being listed; it reports nothing itself.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return analyzers.New(config.NewOptions(p.cfg)).Reporting(), nil
}

// GetLoadMode reports that the analyzers need type information.
func (*Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
