// Command bench measures bearercheck against a no-op analyzer driven the
// same way, on real or synthetic code. Run it from the repository:
//
//	go run ./bench/cmd/bench gen -out /tmp/synth -packages 200 -files 20 -funcs 50 -sinks 10
//	go run ./bench/cmd/bench compare -C /tmp/synth ./...
//	go run ./bench/cmd/bench compare -C ../shared/corpus -patterns-file packages.txt
//	go run ./bench/cmd/bench sizes -dir /tmp/sizes
//	go run ./bench/cmd/bench gate -C /tmp/synth -edit svc0199/client000.go -edit-base svc0000/client000.go ./...
//
// compare alternates runs of the no-op (internal/noop/cmd/noopcheck -json),
// the plain run (bearercheck -json) and, with -report, `bearercheck report`,
// each from an empty cache, and prints median, minimum and maximum of wall
// time, CPU time and peak RSS, and the ratios of the medians to the no-op's.
// sizes does that on synthetic modules of 1×, 2×, 4× and 8× a base size and
// prints the cost per line. gate measures the incremental gate: a cold run,
// a warm run on the unchanged tree and a run after one edited file, and
// checks that all three print exactly what a cold run prints.
//
// Other programs share the machine: runs alternate and medians are
// reported, but wall times stay noisy; CPU time is the steadier measure.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bearercheck/bearercheck/bench"
	"github.com/bearercheck/bearercheck/bench/synth"
)

const usage = `usage: bench gen|compare|sizes|gate [flags] [packages]
run "bench <command> -h" for the flags of a command`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	cmds := map[string]func([]string) error{"gen": gen, "compare": compare, "sizes": sizes, "gate": gate}
	run, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	if err := run(os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func shapeFlags(fs *flag.FlagSet, s *synth.Shape) {
	fs.IntVar(&s.Packages, "packages", s.Packages, "service packages")
	fs.IntVar(&s.Files, "files", s.Files, "files per package")
	fs.IntVar(&s.Funcs, "funcs", s.Funcs, "functions per file")
	fs.IntVar(&s.Sinks, "sinks", s.Sinks, "functions with an authorization sink per file")
	fs.BoolVar(&s.Chain, "chain", false, "each package imports the previous one (one dependency chain)")
	fs.IntVar(&s.Lanes, "lanes", 4, "parallel dependency chains (without -chain)")
}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	out := fs.String("out", "", "directory to write the module to (must not exist or be empty)")
	s := synth.Shape{Packages: 200, Files: 20, Funcs: 50, Sinks: 10}
	shapeFlags(fs, &s)
	fs.Parse(args)
	if *out == "" {
		return fmt.Errorf("gen: -out is required")
	}
	if err := synth.Write(*out, s); err != nil {
		return err
	}
	n, err := synth.Lines(s)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d packages, %d lines\n", *out, s.Packages+1, n)
	return nil
}

// tools are the binaries under measurement.
type tools struct {
	bc, noop string
	cacheDir string // bearercheck's cache in the runs (-cache)
}

func toolFlags(fs *flag.FlagSet) (bc, noop *string) {
	bc = fs.String("bearercheck", "", "bearercheck binary (default: built from this repository)")
	noop = fs.String("noop", "", "no-op binary (default: built from this repository)")
	return
}

// build builds the binaries that were not given, into a temporary directory.
func build(bc, noop string) (*tools, error) {
	tmp, err := os.MkdirTemp("", "bearercheck-bench-")
	if err != nil {
		return nil, err
	}
	t := &tools{bc: bc, noop: noop, cacheDir: filepath.Join(tmp, "cache")}
	for _, b := range []struct {
		path *string
		pkg  string
	}{{&t.bc, "./cmd/bearercheck"}, {&t.noop, "./internal/noop/cmd/noopcheck"}} {
		if *b.path != "" {
			if *b.path, err = filepath.Abs(*b.path); err != nil {
				return nil, err
			}
			continue
		}
		*b.path = filepath.Join(tmp, filepath.Base(b.pkg))
		cmd := exec.Command("go", "build", "-o", *b.path, b.pkg)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go build %s (run bench from the repository): %v", b.pkg, err)
		}
	}
	return t, nil
}

// cacheFlag is bearercheck's cache of the runs. It is set with -cache,
// not XDG_CACHE_HOME, which would also move the go command's build cache
// (GOCACHE defaults to a directory under it): go list would then start
// cold in every run, and the no-op's would not.
func (t *tools) cacheFlag() string { return "-cache=" + t.cacheDir }

func (t *tools) clearCache(bench.Cmd) error { return os.RemoveAll(t.cacheDir) }

// commands returns the no-op on bearercheck's driver (internal/engine,
// with the same cache), the plain run and, with report, the report; with
// checker, last, the no-op on the standard driver (go/analysis/checker).
// The first is the baseline of the analysis's cost: the same driver
// running no analysis. The last against the first is the driver's gain.
func (t *tools) commands(dir string, patterns []string, report, checker bool, reportArgs string) []bench.Cmd {
	cmds := []bench.Cmd{
		{Name: "noop", Path: t.noop, Args: append([]string{"-engine", t.cacheFlag()}, patterns...), Dir: dir},
		{Name: "plain", Path: t.bc, Args: append([]string{t.cacheFlag(), "-json"}, patterns...), Dir: dir},
	}
	if report {
		args := slices.Concat([]string{"report", t.cacheFlag()}, strings.Fields(reportArgs), patterns)
		cmds = append(cmds, bench.Cmd{Name: "report", Path: t.bc, Args: args, Dir: dir})
	}
	if checker {
		cmds = append(cmds, bench.Cmd{Name: checkerNoop, Path: t.noop, Args: append([]string{"-json"}, patterns...), Dir: dir})
	}
	return cmds
}

// checkerNoop names the no-op on the standard driver.
const checkerNoop = "noop on checker"

// runFlags are the flags of the subcommands that measure runs over packages:
// where, which packages, and which binaries.
type runFlags struct {
	fs        *flag.FlagSet
	dir, file string
	bc, noop  *string
}

func newRunFlags(fs *flag.FlagSet) *runFlags {
	rf := &runFlags{fs: fs}
	fs.StringVar(&rf.dir, "C", ".", "directory to run in")
	fs.StringVar(&rf.file, "patterns-file", "", "file listing the packages (relative to -C)")
	rf.bc, rf.noop = toolFlags(fs)
	return rf
}

// prepare parses args and returns the packages and the binaries to run;
// the caller removes filepath.Dir(t.cacheDir) when done.
func (rf *runFlags) prepare(args []string) ([]string, *tools, error) {
	rf.fs.Parse(args)
	patterns, err := patternsOf(rf.fs, rf.dir, rf.file)
	if err != nil {
		return nil, nil, err
	}
	t, err := build(*rf.bc, *rf.noop)
	return patterns, t, err
}

func patternsOf(fs *flag.FlagSet, dir, file string) ([]string, error) {
	patterns := fs.Args()
	if file != "" {
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		patterns = append(patterns, strings.Fields(string(data))...)
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	return patterns, nil
}

func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	n := fs.Int("n", 5, "runs of each command")
	report := fs.Bool("report", false, "also measure `bearercheck report`")
	checker := fs.Bool("checker", true, "also measure the no-op on the standard driver (the driver's gain)")
	reportArgs := fs.String("report-args", "-format json", "flags of bearercheck report")
	rf := newRunFlags(fs)
	dir := &rf.dir
	patterns, t, err := rf.prepare(args)
	if err != nil {
		return err
	}
	defer os.RemoveAll(filepath.Dir(t.cacheDir))
	fmt.Printf("%d alternating runs in %s, each from an empty cache\n", *n, *dir)
	series, err := bench.Alternate(*n, t.commands(*dir, patterns, *report, *checker, *reportArgs), t.clearCache, os.Stderr)
	if err != nil {
		return err
	}
	results(series)
	return nil
}

// results prints the table of a comparison, the analysis's cost (each
// bearercheck run against the no-op on the same driver) with its
// targets, and the driver's gain (the no-op on bearercheck's driver
// against the no-op on the standard driver).
func results(series []*bench.Series) {
	bench.Table(os.Stdout, series)
	noop := series[0]
	var ts []bench.Target
	for _, s := range series[1:] {
		if s.Cmd.Name == checkerNoop {
			fmt.Printf("\ndriver's gain: the no-op on bearercheck's driver / on the standard driver: wall %.2f×, CPU %.2f×, peak RSS %.2f×\n",
				bench.Ratio(noop, s, (*bench.Series).Wall), bench.Ratio(noop, s, (*bench.Series).CPU), bench.Ratio(noop, s, (*bench.Series).RSS))
			continue
		}
		ts = append(ts,
			bench.Target{What: s.Cmd.Name + " CPU / noop CPU (the analysis's cost)", Got: bench.Ratio(s, noop, (*bench.Series).CPU), Max: 1.10},
			bench.Target{What: s.Cmd.Name + " wall / noop wall", Got: bench.Ratio(s, noop, (*bench.Series).Wall), Max: 1.10},
			bench.Target{What: s.Cmd.Name + " peak RSS / noop peak RSS", Got: bench.Ratio(s, noop, (*bench.Series).RSS), Max: 1.10})
	}
	bench.Targets(os.Stdout, ts)
}

func sizes(args []string) error {
	fs := flag.NewFlagSet("sizes", flag.ExitOnError)
	n := fs.Int("n", 3, "runs of each command at each size")
	root := fs.String("dir", filepath.Join(os.TempDir(), "bearercheck-sizes"), "where the modules are generated (kept and reused)")
	scalesFlag := fs.String("scales", "1,2,4,8", "sizes, as multiples of -packages")
	report := fs.Bool("report", false, "also measure `bearercheck report`")
	checker := fs.Bool("checker", false, "also measure the no-op on the standard driver (the driver's gain)")
	reportArgs := fs.String("report-args", "-format json", "flags of bearercheck report")
	s := synth.Shape{Packages: 125, Files: 8, Funcs: 25, Sinks: 5}
	shapeFlags(fs, &s)
	bc, noop := toolFlags(fs)
	fs.Parse(args)
	var scales []int
	for _, f := range strings.Split(*scalesFlag, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 1 {
			return fmt.Errorf("sizes: bad -scales %q", *scalesFlag)
		}
		scales = append(scales, k)
	}
	t, err := build(*bc, *noop)
	if err != nil {
		return err
	}
	defer os.RemoveAll(filepath.Dir(t.cacheDir))
	type row struct {
		k, pkgs, lines int
		series         []*bench.Series
	}
	var rows []row
	for _, k := range scales {
		sk := s
		sk.Packages = s.Packages * k
		dir := filepath.Join(*root, fmt.Sprintf("p%d-f%d-fn%d-s%d-chain%v-l%d", sk.Packages, sk.Files, sk.Funcs, sk.Sinks, sk.Chain, sk.Lanes))
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
			if err := synth.Write(dir, sk); err != nil {
				return err
			}
		}
		lines, err := synth.Lines(sk)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%d×: %d packages, %d lines in %s\n", k, sk.Packages+1, lines, dir)
		series, err := bench.Alternate(*n, t.commands(dir, []string{"./..."}, *report, *checker, *reportArgs), t.clearCache, os.Stderr)
		if err != nil {
			return err
		}
		fmt.Printf("\n### %d× (%d packages, %d lines)\n\n", k, sk.Packages+1, lines)
		results(series)
		rows = append(rows, row{k, sk.Packages + 1, lines, series})
	}
	last := rows[len(rows)-1]
	fmt.Printf("\n### cost per line (medians; relative to the first size in parentheses)\n\n")
	fmt.Println("| size | packages | lines | command | CPU µs/line | wall µs/line | peak RSS bytes/line |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, r := range rows {
		for i, s := range r.series {
			base := rows[0].series[i]
			l, bl := float64(r.lines), float64(rows[0].lines)
			cpu, bcpu := s.CPU().Median*1e6/l, base.CPU().Median*1e6/bl
			wall, bwall := s.Wall().Median*1e6/l, base.Wall().Median*1e6/bl
			rss, brss := s.RSS().Median*(1<<20)/l, base.RSS().Median*(1<<20)/bl
			fmt.Printf("| %d× | %d | %d | %s | %.1f (%.2f×) | %.1f (%.2f×) | %.0f (%.2f×) |\n",
				r.k, r.pkgs, r.lines, s.Cmd.Name, cpu, cpu/bcpu, wall, wall/bwall, rss, rss/brss)
		}
	}
	// Cost per line flat: a run has a fixed part (the standard library's
	// packages, starting the process and go list), so the cost per line
	// of the whole run falls as the code grows; that it never grows by
	// more than 20% is one target. The other is on what the added code
	// costs: the marginal cost per line between the last two sizes is
	// within ±20% of that between the first two. Peak memory grows no
	// faster than the code.
	first := rows[0]
	perLine := func(r row, i int, stat func(*bench.Series) bench.Stats) float64 {
		return stat(r.series[i]).Median / float64(r.lines)
	}
	marginal := func(a, b row, i int, stat func(*bench.Series) bench.Stats) float64 {
		return (stat(b.series[i]).Median - stat(a.series[i]).Median) / float64(b.lines-a.lines)
	}
	stats := []struct {
		name string
		stat func(*bench.Series) bench.Stats
	}{{"CPU", (*bench.Series).CPU}, {"wall", (*bench.Series).Wall}, {"peak RSS", (*bench.Series).RSS}}
	var ts []bench.Target
	for i, s := range first.series {
		if s.Cmd.Name == "noop" || s.Cmd.Name == checkerNoop {
			continue
		}
		for _, st := range stats {
			max := 1.2
			if st.name == "peak RSS" {
				max = 1.0
			}
			ts = append(ts, bench.Target{
				What: fmt.Sprintf("%s %s per line, %d× / %d×", s.Cmd.Name, st.name, last.k, first.k),
				Got:  perLine(last, i, st.stat) / perLine(first, i, st.stat), Max: max})
		}
		if len(rows) >= 3 {
			prev := rows[len(rows)-2]
			for _, st := range stats[:2] {
				ts = append(ts, bench.Target{
					What: fmt.Sprintf("%s %s per added line, %d×→%d× / %d×→%d×", s.Cmd.Name, st.name, prev.k, last.k, first.k, rows[1].k),
					Got:  marginal(prev, last, i, st.stat) / marginal(first, rows[1], i, st.stat), Min: 0.8, Max: 1.2})
			}
		}
	}
	bench.Targets(os.Stdout, ts)
	return nil
}

func gate(args []string) error {
	fs := flag.NewFlagSet("gate", flag.ExitOnError)
	n := fs.Int("n", 3, "rounds")
	edit := fs.String("edit", "", "a Go file (relative to -C) to edit between runs: an unexported function is appended, then removed")
	editBase := fs.String("edit-base", "", "a Go file (relative to -C) of a package others import, edited as -edit is: its importers' entries still hold")
	plain := fs.Bool("plain", false, "measure the plain run (bearercheck -json) instead of bearercheck report")
	reportArgs := fs.String("report-args", "-format json", "flags of bearercheck report")
	rf := newRunFlags(fs)
	dir := &rf.dir
	patterns, t, err := rf.prepare(args)
	if err != nil {
		return err
	}
	defer os.RemoveAll(filepath.Dir(t.cacheDir))
	cmdArgs := slices.Concat([]string{"report", t.cacheFlag()}, strings.Fields(*reportArgs), patterns)
	if *plain {
		cmdArgs = slices.Concat([]string{t.cacheFlag(), "-json"}, patterns)
	}
	// extra flags go after the subcommand and -cache=DIR, which they
	// may override: `bearercheck report -cache=DIR -cache=off`.
	sub := 1
	if !*plain {
		sub = 2
	}
	mk := func(name string, extra ...string) bench.Cmd {
		args := slices.Concat(cmdArgs[:sub], extra, cmdArgs[sub:])
		return bench.Cmd{Name: name, Path: t.bc, Args: args, Dir: *dir}
	}
	cold, warm := &bench.Series{Cmd: mk("cold")}, &bench.Series{Cmd: mk("warm")}
	// The edits: the file, its series, and what a cold run prints after it.
	type editRun struct {
		path     string
		original []byte
		series   *bench.Series
		ref      bench.Sample
	}
	var edits []*editRun
	for _, e := range []struct{ name, file string }{{"one edit", *edit}, {"base edit", *editBase}} {
		if e.file == "" {
			continue
		}
		path := filepath.Join(*dir, e.file)
		original, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		defer os.WriteFile(path, original, 0o644)
		edits = append(edits, &editRun{path: path, original: original, series: &bench.Series{Cmd: mk(e.name)}})
	}
	var ref bench.Sample
	same := true
	check := func(what string, s, want bench.Sample) {
		if s.Output != want.Output || s.Exit != want.Exit {
			same = false
			fmt.Fprintf(os.Stderr, "  %s: output differs from a cold run\n", what)
		}
	}
	measure := func(s *bench.Series) (bench.Sample, error) {
		x, err := bench.Run(s.Cmd)
		if err != nil {
			return x, err
		}
		fmt.Fprintf(os.Stderr, "  %-9s run %d: %6.2fs wall %6.2fs cpu %7.1f MiB exit %d\n",
			s.Cmd.Name, len(s.Samples)+1, x.Wall.Seconds(), x.CPU.Seconds(), float64(x.RSS)/(1<<20), x.Exit)
		s.Samples = append(s.Samples, x)
		return x, nil
	}
	for round := range *n {
		if err := t.clearCache(bench.Cmd{}); err != nil {
			return err
		}
		c, err := measure(cold)
		if err != nil {
			return err
		}
		if round == 0 {
			ref = c
		}
		check("cold", c, ref)
		w, err := measure(warm)
		if err != nil {
			return err
		}
		check("warm", w, ref)
		for _, ed := range edits {
			changed := append(slices.Clone(ed.original), fmt.Sprintf("\nfunc benchEdited%d() int { return %d }\n", round, round)...)
			if err := os.WriteFile(ed.path, changed, 0o644); err != nil {
				return err
			}
			e, err := measure(ed.series)
			if err != nil {
				return err
			}
			// What a cold run prints on the edited tree.
			off, err := bench.Run(mk("cold edited", "-cache=off"))
			if err != nil {
				return err
			}
			if round == 0 {
				ed.ref = off
			}
			check("cold edited", off, ed.ref)
			check(ed.series.Cmd.Name, e, off)
			if err := os.WriteFile(ed.path, ed.original, 0o644); err != nil {
				return err
			}
			// The next edit, or round, starts from the unedited tree's
			// entries: a warm run restores them.
			if _, err := bench.Run(warm.Cmd); err != nil {
				return err
			}
		}
	}
	series := []*bench.Series{cold, warm}
	ts := []bench.Target{
		{What: "warm wall / cold wall", Got: bench.Ratio(warm, cold, (*bench.Series).Wall), Max: 0.25},
		{What: "warm peak RSS / cold peak RSS", Got: bench.Ratio(warm, cold, (*bench.Series).RSS), Max: 0.25},
	}
	for _, ed := range edits {
		series = append(series, ed.series)
		ts = append(ts,
			bench.Target{What: ed.series.Cmd.Name + " wall / cold wall", Got: bench.Ratio(ed.series, cold, (*bench.Series).Wall), Max: 0.5},
			bench.Target{What: ed.series.Cmd.Name + " peak RSS / cold peak RSS", Got: bench.Ratio(ed.series, cold, (*bench.Series).RSS), Max: 0.5})
	}
	fmt.Printf("%d rounds in %s: %s\n\n", *n, *dir, mk("").String())
	bench.Table(os.Stdout, series)
	bench.Targets(os.Stdout, ts)
	fmt.Printf("\nsame output as a cold run, byte for byte: %v\n", same)
	if !same {
		return fmt.Errorf("gate: a warm run printed something else than a cold run")
	}
	return nil
}
