// Command custom is golangci-lint v2 with the bearercheck module plugin
// compiled in: the offline equivalent of `golangci-lint custom` with
// .golangci-plugin.yml (which clones golangci-lint with git). It is a
// separate module so that the parent module does not depend on
// golangci-lint. Build it from the repository root:
//
//	hash=$(find . -path '*/testdata' -prune -o -name '.?*' -prune -o \
//	    -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print |
//	    LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
//	go build -C internal/golangci/custom \
//	    -ldflags "-X main.version=2.15.0-custom-gcl-$hash" -o "$PWD/custom-gcl" .
//
// main mirrors golangci-lint's cmd/golangci-lint/main.go at the version in
// go.mod, with one difference: a version set with -ldflags "-X
// main.version=..." is kept. golangci-lint salts its cache with the
// version (or, when it is "(devel)", with a hash of its own executable);
// upstream replaces the version with the main module's version from the
// build info unless main.date is set too, and a module version does not
// change when the plugin's source does, so the cache could serve results of
// an older build of the plugin.
package main

import (
	"cmp"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// The bearercheck module plugin.
	_ "github.com/bearercheck/bearercheck/plugin"
)

var (
	goVersion = "unknown"

	// Set with -ldflags "-X main.version=... -X main.commit=... -X main.date=...".
	version = "unknown"
	commit  = "?"
	date    = ""
)

func main() {
	info := createBuildInfo()

	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

func createBuildInfo() commands.BuildInfo {
	info := commands.BuildInfo{
		Commit:    commit,
		Version:   version,
		GoVersion: goVersion,
		Date:      date,
	}

	buildInfo, available := debug.ReadBuildInfo()
	if !available {
		return info
	}

	info.GoVersion = buildInfo.GoVersion

	if date != "" {
		return info
	}

	if version == "unknown" {
		info.Version = buildInfo.Main.Version

		matched, _ := regexp.MatchString(`v\d+\.\d+\.\d+`, buildInfo.Main.Version)
		if matched {
			info.Version = strings.TrimPrefix(buildInfo.Main.Version, "v")
		}
	}

	var revision string
	var modified string
	for _, setting := range buildInfo.Settings {
		// The `vcs.xxx` information is only available with `go build`.
		// This information is not available with `go install` or `go run`.
		switch setting.Key {
		case "vcs.time":
			info.Date = setting.Value
		case "vcs.revision":
			revision = setting.Value
		case "vcs.modified":
			modified = setting.Value
		}
	}

	info.Date = cmp.Or(info.Date, "(unknown)")

	info.Commit = fmt.Sprintf("(%s, modified: %s, mod sum: %q)",
		cmp.Or(revision, "unknown"), cmp.Or(modified, "?"), buildInfo.Main.Sum)

	return info
}
