// Command codex prints the signed-in user's usage and rate limits.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"

	"example.com/codexclient/coreauth"
	"example.com/codexclient/internal/openapi"
	"example.com/codexclient/session"
)

func main() {
	ctx := context.Background()
	baseURL := os.Getenv("CODEX_BASE_URL")
	login := coreauth.FromBearerToken(os.Getenv("CODEX_TOKEN"))

	th := session.New(baseURL, login, nil).Thread("main")
	if !th.Ready(ctx) {
		log.Fatal("backend is down")
	}
	usage, err := th.Usage(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("requests:", usage.Requests)

	api := &openapi.APIClient{BaseURL: baseURL, AccessToken: os.Getenv("CODEX_TOKEN"), HTTPClient: http.DefaultClient}
	limits, err := api.GetRateLimits(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("primary limit:", limits.Primary)
}
