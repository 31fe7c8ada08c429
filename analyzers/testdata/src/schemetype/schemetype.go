// Package schemetype passes a scheme constant of another package into its
// generic formatter: with the Bearer constant it is a site.
package schemetype

import (
	"os"

	"schemetype/rest"
)

func options() []rest.RequestOpt {
	tok := os.Getenv("TOKEN")
	return []rest.RequestOpt{
		rest.WithToken(rest.TokenTypeBearer, tok), // want[bearerheader] `^Authorization header is given the Bearer scheme through rest\.WithToken; use`
		rest.WithToken(rest.TokenTypeBot, tok),
		rest.WithHeader("Authorization", rest.TokenTypeBearer.Apply(tok)), // want[bearerheader] `^Authorization header is given the Bearer scheme through rest\.TokenType\.Apply; use`
		rest.WithHeader("Authorization", rest.TokenTypeBot.Apply(tok)),
	}
}
