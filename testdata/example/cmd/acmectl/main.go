// Command acmectl is a small CLI for the Acme API.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"

	"example.com/acmeclient/auth"
	"example.com/acmeclient/backend"
)

func main() {
	ctx := context.Background()
	baseURL := os.Getenv("ACME_URL")

	usage, err := backend.New(baseURL, os.Getenv("ACME_TOKEN")).GetUsage(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("requests:", usage.Requests)

	pc := backend.NewProviderClient(baseURL, &auth.StaticProvider{Token: os.Getenv("ACME_TOKEN")})
	if _, err := pc.GetUsage(ctx); err != nil {
		log.Fatal(err)
	}

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v1/me", nil)
	if err != nil {
		log.Fatal(err)
	}
	req.Header.Set("Authorization", backend.BearerHeader(os.Getenv("ACME_TOKEN")))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println("me:", resp.Status)
}
