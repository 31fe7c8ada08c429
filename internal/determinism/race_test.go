//go:build race

package determinism

const raceEnabled = true
