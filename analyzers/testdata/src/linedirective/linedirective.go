package linedirective

import "net/http"

// After a //line directive, ignore directives cover the lines they sit
// next to in this file, whatever lines the //line directive declares.
func templated(h http.Header, tok string) {
//line api.tmpl:40
	h.Set("Authorization", "Bearer "+tok) //bearercheck:ignore rendered from the legacy template
	//bearercheck:ignore rendered from the legacy template
	h.Add("Authorization", "Bearer "+tok)
//line api.tmpl:40
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

// A //line directive that maps several lines to one does not widen a
// directive's reach. (Both lines are api.tmpl:50, so the expectations of
// both are on the second.)
func collapsed(h http.Header, tok string) {
	/*line api.tmpl:50*/ h.Set("Accept", "application/json") //bearercheck:ignore the Accept header
	/*line api.tmpl:50*/ h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme` `suppresses nothing`
}
