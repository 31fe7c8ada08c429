package ignorescope

import "net/http"

// A trailing directive covers its own line only: not the site below it.
func trailingNotNextLine(h http.Header, tok string) {
	// want[bearerheader] +1 `^bearercheck:ignore directive suppresses nothing; remove it$`
	h.Set("Accept", "application/json")   //bearercheck:ignore the Accept header is fine
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
}

// A trailing directive covers the value on its line.
func trailingOnValueLine(h http.Header, tok string) {
	h.Set("Authorization",
		"Bearer "+tok) //bearercheck:ignore the legacy endpoint only accepts Bearer
}

// A directive on a line of its own covers the next line, not its own.
func ownLine(h http.Header, tok string) {
	h.Set("Authorization", "Bearer "+tok) // want[bearerheader] `hard-codes the Bearer scheme`
	// want[bearerheader] +1 `^bearercheck:ignore directive suppresses nothing; remove it$`
	//bearercheck:ignore meant for the line above
	h.Set("Accept", "application/json")
}

// A directive on a line of its own before a statement that spans lines
// covers the statement's first line.
func ownLineMultiLine(h http.Header, tok string) {
	//bearercheck:ignore migrated in a follow-up change
	h.Set("Authorization",
		"Bearer "+tok)
}
