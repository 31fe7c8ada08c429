// Package ghbot talks to GitHub with a personal access token.
package ghbot

import (
	"context"
	"os"

	"github.com/google/go-github/v74/github"
)

// Issues lists the open issues of a repository.
func Issues(ctx context.Context, owner, repo string) ([]*github.Issue, error) {
	client := github.NewClient(nil).WithAuthToken(os.Getenv("GITHUB_TOKEN")) // site
	issues, _, err := client.Issues.ListByRepo(ctx, owner, repo, nil)
	return issues, err
}
