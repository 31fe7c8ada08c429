package bearercheck

import "testing"

func TestNormalizePath(t *testing.T) {
	for in, want := range map[string]string{
		"{}/files":                         "/files",
		"{}/wham/tasks/{}":                 "/wham/tasks/{}",
		"https://api.example.com/v1/ping":  "/v1/ping",
		"http://localhost:8089/admin/ping": "/admin/ping",
		"{}/v1/realtime?model={}":          "/v1/realtime",
		"/wham/tasks/{}{}/turns":           "/wham/tasks/{}/turns",
		"{}//files":                        "/files",
		"{}":                               "",
		"{}{}":                             "",
		"{}/{}":                            "",
		"https://api.example.com":          "",
		"/":                                "",
		"https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage": "/{}/sendMessage",
		"{}/wham/tasks/{}/turns/{}/sibling_turns":                                           "/wham/tasks/{}/turns/{}/sibling_turns",
	} {
		if got := NormalizePath(in); got != want {
			t.Errorf("NormalizePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPathParamResolve(t *testing.T) {
	p := PathParam{Param: 2, Template: Unknown + ParamMark}
	if got := NormalizePath(p.Resolve("/wham/usage")); got != "/wham/usage" {
		t.Errorf("resolved %q", got)
	}
}
