// Package droplets lists DigitalOcean droplets.
package droplets

import (
	"context"
	"os"

	"github.com/digitalocean/godo"
)

// List lists the droplets of the account.
func List(ctx context.Context) ([]godo.Droplet, error) {
	client := godo.NewFromToken(os.Getenv("DIGITALOCEAN_TOKEN")) // site
	ds, _, err := client.Droplets.List(ctx, &godo.ListOptions{})
	return ds, err
}
