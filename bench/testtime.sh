#!/usr/bin/env bash
# testtime.sh measures the README's test command as a new contributor runs
# it: a fresh clone of this repository's HEAD, the caller's module cache
# and build cache, test results not cached (-count=1). It prints the wall
# time and the CPU time of `go test ./...`, and of each slow package.
#
#   bench/testtime.sh            # the default tier (go test ./...)
#   BEARERCHECK_SLOW=1 bench/testtime.sh   # with the exhaustive tier
#
# It measures; it asserts nothing. The budget (issue 17) is 3 minutes of
# wall time on 2 cores for the default tier.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$repo" "$tmp/bearercheck"
cd "$tmp/bearercheck"
go mod download
start=$(date +%s.%N)
/usr/bin/time -o "$tmp/time" -f "%e s wall, %U s user, %S s sys" \
	go test -count=1 -json ./... > "$tmp/test.json" || { echo "go test failed"; grep -a '"Action":"fail"' "$tmp/test.json" | head; exit 1; }
echo "go test ./... ($(nproc) cores): $(cat "$tmp/time")"
echo "slowest packages (elapsed, s):"
grep -a '"Action":"pass"' "$tmp/test.json" | grep -av '"Test"' |
	sed -E 's/.*"Package":"([^"]*)".*"Elapsed":([0-9.]+).*/\2 \1/' | sort -rn | head -8
