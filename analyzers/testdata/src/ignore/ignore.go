package ignore

import "net/http"

func sameLine(h http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok) //bearercheck:ignore the legacy /v1 endpoint only accepts Bearer
}

func lineBefore(h http.Header, tok string) {
	//bearercheck:ignore migrated in a follow-up change
	h.Set("Authorization", "Bearer "+tok)
}

func twoLinesBefore(h http.Header, tok string) {
	// want[bearerheader] +1 `suppresses nothing`
	//bearercheck:ignore too far away to apply

	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

func missingReason(h http.Header, tok string) {
	// want[bearerheader] +1 `^bearercheck:ignore directive needs a reason$`
	//bearercheck:ignore
	h.Set("Accept", "application/json")
}

func unused(h http.Header) {
	// want[bearerheader] +1 `^bearercheck:ignore directive suppresses nothing; remove it$`
	//bearercheck:ignore nothing to suppress here
	h.Set("Accept", "application/json")
}

func notADirective(h http.Header, tok string) {
	//bearercheck:ignored is not the directive
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

// A directive without a reason suppresses nothing (as staticcheck's
// //lint:ignore): the site and the directive are both reported.
func missingReasonOnSite(h http.Header, tok string) {
	// want[bearerheader] +1 `^bearercheck:ignore directive needs a reason$`
	//bearercheck:ignore
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}
