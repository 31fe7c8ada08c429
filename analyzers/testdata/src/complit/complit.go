package complit

import "net/http"

func literals(tok string) []any {
	return []any{
		http.Header{"Authorization": {"Bearer " + tok}},                                 // want[bearerheader] `hard-codes the Bearer scheme`
		http.Header{"Authorization": []string{"Bearer " + tok}},                         // want[bearerheader] `hard-codes the Bearer scheme`
		map[string]string{"Authorization": "Bearer " + tok},                             // want[bearerheader] `hard-codes the Bearer scheme`
		map[string][]string{"authorization": {"Bearer " + tok}},                         // want[bearerheader] `hard-codes the Bearer scheme`
		http.Header{"Accept": {"application/json"}, "Authorization": {"Bearer " + tok}}, // want[bearerheader] `hard-codes the Bearer scheme`
	}
}

func indexAssign(req *http.Request, tok string) {
	h := http.Header{}
	h["Authorization"] = []string{"Bearer " + tok}          // want[bearerheader] `hard-codes the Bearer scheme`
	req.Header["Authorization"] = []string{"Bearer " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
	m := map[string]string{}
	m["Authorization"] = "Bearer " + tok // want[bearerheader] `hard-codes the Bearer scheme`
	mm := map[string][]string{}
	mm["Authorization"] = []string{"Bearer " + tok} // want[bearerheader] `hard-codes the Bearer scheme`
}

func appendForm(h http.Header, tok string) {
	h["Authorization"] = append(h["Authorization"], "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func notReported(h http.Header, tok string) map[string]string {
	h["Accept"] = []string{"Bearer " + tok}
	h["Authorization"] = []string{"Basic " + tok}
	return map[string]string{"X-Token": "Bearer " + tok}
}
