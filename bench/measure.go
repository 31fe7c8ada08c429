// Package bench measures what bearercheck costs: runs of commands with
// their wall time, CPU time and peak memory, summarised as medians with
// their spread. The harness is bench/cmd/bench; synthetic modules come
// from bench/synth. Nothing here asserts a timing: it measures.
package bench

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Sample is one run of a command.
type Sample struct {
	Wall time.Duration
	CPU  time.Duration // user + system, the command's children included
	RSS  int64         // peak resident set size in bytes, children included
	Exit int
	// Output hashes what the command wrote to stdout and to stderr, and
	// StderrTail is the end of stderr. The output itself is not
	// kept: on Linux a child's peak RSS (ru_maxrss) starts from the
	// harness's own peak at the fork, so the harness stays small.
	Output     [sha256.Size]byte
	StderrTail []byte
}

// Cmd is a command to measure.
type Cmd struct {
	Name string   // a label for reports
	Path string   // the executable
	Args []string // its arguments
	Dir  string   // where it runs
	Env  []string // added to the environment
}

func (c Cmd) String() string {
	return strings.TrimSpace(c.Path + " " + strings.Join(c.Args, " "))
}

// Run runs c once and measures it. An exit status other than 0 is not an
// error (linters exit non-zero on findings); a command that cannot start
// or is killed by a signal is.
func Run(c Cmd) (Sample, error) {
	cmd := exec.Command(c.Path, c.Args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), c.Env...)
	stdout, errsum, stderr := sha256.New(), sha256.New(), &tailWriter{}
	cmd.Stdout, cmd.Stderr = stdout, io.MultiWriter(stderr, errsum)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		return Sample{}, fmt.Errorf("%s: %v", c.Name, err)
	}
	st := cmd.ProcessState
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return Sample{}, fmt.Errorf("%s: killed by %v\n%s", c.Name, ws.Signal(), stderr.b)
	}
	s := Sample{Wall: wall, CPU: st.UserTime() + st.SystemTime(), Exit: st.ExitCode(), StderrTail: stderr.b}
	s.Output = sha256.Sum256(append(stdout.Sum(nil), errsum.Sum(nil)...))
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		s.RSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return s, nil
}

// tailWriter keeps the last 2,000 bytes written to it.
type tailWriter struct{ b []byte }

func (t *tailWriter) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 2000 {
		t.b = append(t.b[:0], t.b[len(t.b)-2000:]...)
	}
	return len(p), nil
}

// Stats summarises samples of one quantity.
type Stats struct{ Median, Min, Max float64 }

// Summarise returns the median, minimum and maximum of xs.
func Summarise(xs []float64) Stats {
	if len(xs) == 0 {
		return Stats{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return Stats{Median: m, Min: s[0], Max: s[len(s)-1]}
}

// Series is the samples of one command.
type Series struct {
	Cmd     Cmd
	Samples []Sample
}

// Wall, CPU and RSS summarise the series in seconds, seconds and MiB.
func (s *Series) Wall() Stats { return s.stat(func(x Sample) float64 { return x.Wall.Seconds() }) }
func (s *Series) CPU() Stats  { return s.stat(func(x Sample) float64 { return x.CPU.Seconds() }) }
func (s *Series) RSS() Stats {
	return s.stat(func(x Sample) float64 { return float64(x.RSS) / (1 << 20) })
}

func (s *Series) stat(f func(Sample) float64) Stats {
	xs := make([]float64, len(s.Samples))
	for i, x := range s.Samples {
		xs[i] = f(x)
	}
	return Summarise(xs)
}

// Alternate runs each command n times, interleaved (a b a b … with the
// order reversed every other round, so that neither always runs first on
// a machine whose load changes), and returns one series per command.
// before, when set, runs before every measured run (to empty a cache).
func Alternate(n int, cmds []Cmd, before func(Cmd) error, progress io.Writer) ([]*Series, error) {
	series := make([]*Series, len(cmds))
	for i, c := range cmds {
		series[i] = &Series{Cmd: c}
	}
	for round := range n {
		order := make([]int, len(cmds))
		for i := range order {
			order[i] = i
		}
		if round%2 == 1 {
			slices.Reverse(order)
		}
		for _, i := range order {
			if before != nil {
				if err := before(cmds[i]); err != nil {
					return nil, err
				}
			}
			s, err := Run(cmds[i])
			if err != nil {
				return nil, err
			}
			if progress != nil {
				fmt.Fprintf(progress, "  %-12s run %d: %6.2fs wall %6.2fs cpu %7.1f MiB exit %d\n",
					cmds[i].Name, round+1, s.Wall.Seconds(), s.CPU.Seconds(), float64(s.RSS)/(1<<20), s.Exit)
			}
			series[i].Samples = append(series[i].Samples, s)
		}
	}
	return series, nil
}

// Table writes a Markdown table of the series and, for each series after
// the first, the ratio of its medians to the first's.
func Table(w io.Writer, series []*Series) {
	fmt.Fprintln(w, "| command | runs | wall s median (min–max) | CPU s median (min–max) | peak RSS MiB median (min–max) |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, s := range series {
		wall, cpu, rss := s.Wall(), s.CPU(), s.RSS()
		fmt.Fprintf(w, "| %s | %d | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.0f (%.0f–%.0f) |\n",
			s.Cmd.Name, len(s.Samples), wall.Median, wall.Min, wall.Max, cpu.Median, cpu.Min, cpu.Max, rss.Median, rss.Min, rss.Max)
	}
	if len(series) < 2 {
		return
	}
	base := series[0]
	fmt.Fprintln(w)
	fmt.Fprintf(w, "| ratio to %s (medians) | wall | CPU | peak RSS |\n|---|---|---|---|\n", base.Cmd.Name)
	for _, s := range series[1:] {
		fmt.Fprintf(w, "| %s | %.2f× | %.2f× | %.2f× |\n", s.Cmd.Name,
			ratio(s.Wall().Median, base.Wall().Median), ratio(s.CPU().Median, base.CPU().Median), ratio(s.RSS().Median, base.RSS().Median))
	}
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// A Target is a bound on a measured ratio, as the scale targets state
// them ("warm wall ≤ 0.25× cold").
type Target struct {
	What     string  // what is measured, e.g. "report wall / noop wall"
	Got      float64 // the measured ratio
	Min, Max float64 // its bounds (Min 0: none)
}

// Holds reports whether the ratio is within its bounds.
func (t Target) Holds() bool { return t.Got >= t.Min && t.Got <= t.Max }

// Ratio returns the ratio of the medians of a stat of two series.
func Ratio(a, b *Series, stat func(*Series) Stats) float64 {
	return ratio(stat(a).Median, stat(b).Median)
}

// Targets prints each target with its measured ratio and whether it
// holds, and returns how many do not.
func Targets(w io.Writer, targets []Target) int {
	missed := 0
	fmt.Fprintln(w, "\n| target | measured | bound | holds |\n|---|---|---|---|")
	for _, t := range targets {
		bound := fmt.Sprintf("≤ %.2f×", t.Max)
		if t.Min > 0 {
			bound = fmt.Sprintf("%.2f×–%.2f×", t.Min, t.Max)
		}
		holds := "yes"
		if !t.Holds() {
			holds, missed = "**no**", missed+1
		}
		fmt.Fprintf(w, "| %s | %.2f× | %s | %s |\n", t.What, t.Got, bound, holds)
	}
	return missed
}
