package report

import "math"

// sampleInventory returns a hand-built inventory shaped like the bundled
// example's (testdata/example), with awkward text in the places renderers
// must escape: pipes, backticks, markup and asterisks.
func sampleInventory() *Inventory {
	const mod = "example.com/acmeclient"
	site := func(pkg, file string, line, col int, fn, kind, value string, endpoints ...string) Site {
		return Site{
			Analyzer: "bearerheader", Kind: kind, Package: mod + "/" + pkg,
			File: file, Line: line, Column: col, Function: fn, Endpoints: endpoints,
			Message:     "Authorization header hard-codes the Bearer scheme; use an AuthProvider",
			Value:       value,
			Fingerprint: "fp-" + pkg + "-" + fn + "-" + kind,
		}
	}
	admin := []Site{
		site("admin", "admin/admin.go", 35, 34, "(*Client).newAdminRequest", "literal-prefix", "bearerPrefix + c.token", "/admin/users"),
		site("admin", "admin/admin.go", 47, 25, "SignedHeaders", "join", `strings.Join([]string{"Bearer", tok}, " ")`),
		site("admin", "admin/admin.go", 64, 41, "(*Client).ExportRequest", "literal-prefix", `"Bearer " + c.creds.Token`, "/admin/export|all"),
		site("admin", "admin/admin.go", 86, 34, "SandboxRequest", "hard-coded-credential", `"Bearer [redacted]"`, "/sandbox"),
		site("admin", "admin/zz_generated.go", 16, 30, "PingRequest", "literal-prefix", `"Bearer " + tok`, "/ping"),
	}
	admin[2].Fix = "c.creds.AuthorizationHeaderValue()"
	admin[2].Message = "Authorization header hard-codes the Bearer scheme; use c.creds.AuthorizationHeaderValue()"
	admin[3].Message = "Authorization header holds a hard-coded credential; use an AuthProvider"
	admin[4].Generated = true
	admin[4].Message = "generated code hard-codes the Bearer scheme; change its generator"
	ignored := site("admin", "admin/admin.go", 98, 34, "ProxyRequest", "literal-prefix", `"Bearer " + proxyToken`, "/proxy")
	ignored.Reason = "legacy proxy needs a `static` token | <b>*for now*</b>"
	backend := []Site{
		site("backend", "backend/client.go", 66, 34, "(*Client).newRequest", "literal-prefix", `"Bearer " + c.token`,
			"/wham/usage", "/wham/tasks/{}", "/codex/models", "/files"),
	}
	migrated := []Site{
		site("backend", "backend/migrated.go", 29, 34, "(*Client).getWithProvider", "provider", "c.auth.AuthorizationHeaderValue()", "/wham/tasks/{}"),
		site("backend", "backend/migrated.go", 45, 34, "(*Client).GetTaskAs", "provider", "authz", "/wham/tasks/{}"),
	}
	tasks := []Site{
		site("tasks", "tasks/service.go", 57, 34, "(*Service).Cancel", "literal-prefix", `"Bearer " + tok`, "/wham/tasks/{}/cancel"),
	}
	tasks[0].Task = "s.agentTask"
	summary := func(migrated, remaining, ignored, generated, helpers, taskCalls int) Summary {
		s := Summary{Migrated: migrated, Remaining: remaining, Total: migrated + remaining, Ignored: ignored, Generated: generated, Helpers: helpers, TaskCalls: taskCalls, Percent: 100}
		if s.Total > 0 {
			s.Percent = math.Floor(1000*float64(migrated)/float64(s.Total)) / 10
		}
		return s
	}
	caller := func(pkg, file string, line int, fn string, endpoints ...string) Caller {
		return Caller{Package: mod + "/" + pkg, File: file, Line: line, Column: 9, Function: fn, Endpoints: endpoints}
	}
	return &Inventory{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "bearercheck", Version: "(devel)", Rules: testRules()},
		Summary:       summary(2, 7, 1, 1, 3, 2),
		Packages: []Package{
			{Path: mod + "/admin", Summary: summary(0, 5, 1, 1, 1, 0), Sites: admin, Ignored: []Site{ignored}},
			{Path: mod + "/backend", Summary: summary(2, 1, 0, 0, 2, 0), Sites: backend, Migrated: migrated},
			{Path: mod + "/tasks", Summary: summary(0, 1, 0, 0, 0, 2), Sites: tasks},
		},
		Helpers: []Helper{
			{
				Package: mod + "/admin", File: "admin/admin.go", Line: 45, Column: 6, Function: "SignedHeaders",
				Root: true, Token: "parameter tok", Message: "SignedHeaders only understands raw bearer tokens (parameter tok); accept an AuthProvider",
				Fingerprint: "fp-helper-admin-SignedHeaders",
			},
			{
				Package: mod + "/backend", File: "backend/client.go", Line: 61, Column: 18, Function: "(*Client).newRequest",
				Root: true, Token: "field c.token", Message: "(*Client).newRequest only understands raw bearer tokens (field c.token); accept an AuthProvider",
				Endpoints: []string{"/codex/models", "/files", "/wham/tasks/{}", "/wham/usage"},
				Callers: []Caller{
					caller("backend", "backend/client.go", 88, "(*Client).GetUsage", "/wham/usage"),
					caller("backend", "backend/generic.go", 12, "getJSON", "/codex/models", "/wham/tasks/{}"),
				},
				Fingerprint: "fp-helper-backend-newRequest",
			},
			{
				Package: mod + "/backend", File: "backend/generic.go", Line: 9, Column: 6, Function: "getJSON",
				Token: "parameter c", Message: "getJSON passes its token to (*Client).newRequest",
				Endpoints: []string{"/codex/models", "/wham/tasks/{}"},
				Callers: []Caller{
					caller("backend", "backend/client.go", 93, "(*Client).GetTask", "/wham/tasks/{}"),
					caller("tasks", "tasks/service.go", 33, "(*Service).Models", "/codex/models"),
				},
				Fingerprint: "fp-helper-backend-getJSON",
			},
		},
		TaskCalls: []TaskCall{
			{
				Package: mod + "/tasks", File: "tasks/service.go", Line: 28, Column: 9, Function: "(*Service).Usage",
				Callee: "backend.(*Client).GetUsage", Task: "s.agentTask", Endpoints: []string{"/wham/usage"},
				Message: "call to bearer-only helper backend.(*Client).GetUsage ignores the agent task s.agentTask", Fingerprint: "fp-task-Usage",
			},
			{
				Package: mod + "/tasks", File: "tasks/service.go", Line: 68, Column: 9, Function: "Child",
				Callee: "backend.(*Client).GetTask", Task: "task", Endpoints: []string{"/wham/tasks/{}"},
				Message: "call to bearer-only helper backend.(*Client).GetTask ignores the agent task task", Fingerprint: "fp-task-Child",
			},
		},
	}
}

// sampleGate returns the sample inventory with a failed baseline gate: one
// new site, one baseline entry gone.
func sampleGate() *Inventory {
	inv := sampleInventory()
	s := inv.Packages[2].Sites[0]
	inv.Gate = &Gate{
		Passed:   false,
		Failures: []string{"1 site not in the baseline"},
		New:      []string{s.Fingerprint},
		NewEntries: []GateEntry{{
			Fingerprint: s.Fingerprint, Package: s.Package, Function: s.Function, Kind: s.Kind,
			File: s.File, Line: s.Line, Column: s.Column, Endpoints: s.Endpoints,
		}},
		Gone: []BaselineEntry{{
			Fingerprint: "fp-gone", Package: "example.com/acmeclient/stream", Function: "Dial|er",
			Kind: "sprintf", File: "stream/dial.go", Line: 63,
		}},
		Baseline: "bearercheck-baseline.json",
	}
	return inv
}
