package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bearercheck/bearercheck/analyzers"
	"github.com/bearercheck/bearercheck/analyzers/bearerdetect"
	"github.com/bearercheck/bearercheck/bearercheck"
	"github.com/bearercheck/bearercheck/bearercheck/config"
	"github.com/bearercheck/bearercheck/internal/output"
	"golang.org/x/tools/go/analysis"
)

// checkConfig validates, before the unit is analysed, the configuration
// of a vet unit's package: an invalid one is then one clear error and exit
// status 1 whichever mode the unit runs in (with -fix or -json, unitchecker
// would not report an analyzer's error), never an error per analyzer.
func checkConfig(args []string) error {
	opts := config.NewFlagOptions()
	probe := flag.NewFlagSet("bearercheck", flag.ContinueOnError)
	probe.SetOutput(io.Discard)
	opts.RegisterFlags(probe)
	for _, name := range []string{"fix", "diff", "json", "test", "flags", "bearerheader", "bearerhelper", "taskauth"} {
		probe.Bool(name, false, "")
	}
	for _, name := range []string{"c", "debug", "cpuprofile", "memprofile", "trace", "V", "cache"} {
		probe.String(name, "", "")
	}
	if err := probe.Parse(args); err != nil {
		if strings.Contains(err.Error(), "invalid value") {
			return err // a bad setting or -config file
		}
		return nil // multichecker reports unknown flags
	}
	rest := probe.Args()
	if !vetUnit(rest) {
		return nil // the -flags query
	}
	data, err := os.ReadFile(rest[0])
	if err != nil {
		return nil // unitchecker reports it
	}
	var unit struct{ Dir string }
	if json.Unmarshal(data, &unit) != nil {
		return nil
	}
	return opts.Check([]string{unit.Dir})
}

// directivePolicy applies the output policy of ignore-directive problems
// to a vet unit, where only the enabled analyzers run: the first enabled
// analyzer also reports the problems whose owner is not enabled
// (output.DirectiveReporter), so that each is reported once.
func directivePolicy(as []*analysis.Analyzer, base *analysis.Analyzer, enabled []string) []*analysis.Analyzer {
	out := slices.Clone(as)
	for i, a := range out {
		if len(enabled) == 0 || a.Name != enabled[0] {
			continue
		}
		w := *a
		w.Run = func(pass *analysis.Pass) (any, error) {
			v, err := a.Run(pass)
			if res, ok := pass.ResultOf[base].(*bearercheck.Result); ok && err == nil {
				for _, d := range res.Directives {
					if owner := analyzers.DirectiveOwner(d); owner != a.Name && output.DirectiveReporter(owner, enabled) == a.Name {
						bearerdetect.ReportDirective(pass, d)
					}
				}
			}
			return v, err
		}
		out[i] = &w
	}
	return out
}

// enabledNames returns the names of the analyzers that the enable flags
// in args select, as go/analysis drivers do: those set to true if any is,
// else all but those set to false.
func enabledNames(args []string, all []*analysis.Analyzer) []string {
	set := map[string]bool{}
	for _, arg := range args {
		name, value, hasValue := flagArg(arg)
		on, err := strconv.ParseBool(value)
		if !hasValue {
			on, err = true, nil
		}
		if err == nil && slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			set[name] = on
		}
	}
	var on, notOff []string
	for _, a := range all {
		if v, ok := set[a.Name]; ok && v {
			on = append(on, a.Name)
		}
		if v, ok := set[a.Name]; !ok || v {
			notOff = append(notOff, a.Name)
		}
	}
	if len(on) > 0 {
		return on
	}
	return notOff
}

// vetFlags finds -c=N (or -c N) among the flags of a vet unit and returns
// N (-1 without it), whether the unit prints JSON, and the other arguments.
// -c means nothing with -fix or -json.
func vetFlags(args []string) (context int, json, fix bool, rest []string) {
	context = -1
	for i := 0; i < len(args); i++ {
		name, value, hasValue := flagArg(args[i])
		on := !hasValue || value == "true"
		switch name {
		case "json":
			json = on
		case "fix", "diff":
			fix = fix || on
		case "c":
			if !hasValue && i+1 < len(args)-1 {
				i++
				value = args[i]
			}
			if n, err := strconv.Atoi(value); err == nil {
				context = n
				continue
			}
		}
		rest = append(rest, args[i])
	}
	if fix || json {
		context = -1
	}
	return context, json && !fix, fix, rest
}

// vetPolicy returns copies of the analyzers that apply the output policy
// to a vet unit's diagnostics:
//
//   - With context >= 0 (-c, which go vet before Go 1.26 passed to the
//     tool), each diagnostic carries that many lines of source around its
//     position in its message, as unitchecker's -c prints them, with every
//     line holding credential text redacted; unitchecker prints none.
//   - With hideEnds (the JSON that go vet reads), a diagnostic or related
//     position in a file that holds credential text gets no end position.
//     Since Go 1.26 the go command implements -c itself, reading the
//     lines from posn to end out of the file: it prints no context for a
//     position without an end, and the tool has no other say in it.
//   - With fix (go vet -fix, go fix), no fix is offered in a file that
//     holds credential text and is not gofmt-clean: the go command's fix
//     driver gofmts every file it fixes, and its -diff would print the
//     reformatted lines, wherever they are, with their context.
func vetPolicy(as []*analysis.Analyzer, base *analysis.Analyzer, context int, hideEnds, fix bool) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, 0, len(as))
	for _, a := range as {
		w := *a
		run := a.Run
		w.Run = func(pass *analysis.Pass) (any, error) {
			secrets := output.NewSecrets()
			if res, ok := pass.ResultOf[base].(*bearercheck.Result); ok && res != nil {
				secrets.AddPackage(pass.Fset, output.FileNames(pass.Fset, pass.Files), res.Secrets)
			}
			files := map[string][]string{}
			lines := func(posn token.Position) []string {
				l, ok := files[posn.Filename]
				if !ok {
					data, _ := pass.ReadFile(posn.Filename) // only the package's files
					l = strings.Split(string(data), "\n")
					files[posn.Filename] = l
				}
				return l
			}
			// noEnd is a position that lies in no file: it prints as "-".
			noEnd := token.Pos(pass.Fset.Base() + 1)
			adjust := func(pos, end token.Pos, msg string) (token.Pos, string) {
				posn := pass.Fset.Position(pos)
				if !posn.IsValid() || !secrets.Known(posn.Filename) {
					return end, msg // no context from a file whose credentials are not known
				}
				if context >= 0 {
					to := posn.Line
					if last := pass.Fset.Position(end); last.IsValid() && last.Filename == posn.Filename {
						to = max(to, last.Line)
					}
					text := output.ContextLines(lines(posn), posn.Line-context, to+context, func(line int) bool {
						return !secrets.Printable(posn.Filename, line)
					})
					if text != "" {
						msg += "\n" + strings.TrimSuffix(text, "\n")
					}
				}
				if hideEnds && secrets.HasAny(posn.Filename) {
					end = noEnd
				}
				return end, msg
			}
			unformatted := func(pos token.Pos) bool {
				posn := pass.Fset.Position(pos)
				if !secrets.HasAny(posn.Filename) {
					return false
				}
				data, err := pass.ReadFile(posn.Filename)
				if err != nil {
					return true
				}
				formatted, err := format.Source(data)
				return err != nil || !bytes.Equal(formatted, data)
			}
			p := *pass
			p.Report = func(d analysis.Diagnostic) {
				if fix && len(d.SuggestedFixes) > 0 && unformatted(d.Pos) {
					d.SuggestedFixes = nil
				}
				d.End, d.Message = adjust(d.Pos, d.End, d.Message)
				d.Related = slices.Clone(d.Related)
				for i, r := range d.Related {
					d.Related[i].End, d.Related[i].Message = adjust(r.Pos, r.End, r.Message)
				}
				pass.Report(d)
			}
			return run(&p)
		}
		out = append(out, &w)
	}
	return out
}

// printVersion answers the go command's -V=full query. The go command keys its
// vet and fix caches on this line, so it hashes the executable and every
// configuration file that may apply: the .bearercheck.yml files of the
// current module. Editing one of them invalidates the cached results.
func printVersion() int {
	h := sha256.New()
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			_, err = io.Copy(h, f)
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bearercheck:", err)
		return 1
	}
	if err := hashConfigs(h); err != nil {
		fmt.Fprintln(os.Stderr, "bearercheck:", err)
		return 1
	}
	fmt.Printf("bearercheck version devel comments-go-here buildID=%x\n", h.Sum(nil))
	return 0
}

// hashConfigs writes the name and content of every configuration file
// under the current module's root (or the current directory outside a
// module) to h, in a stable order.
func hashConfigs(h io.Writer) error {
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	root := dir
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			root = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable directories hold no configuration we could read later
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "vendor" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() != config.FileName {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		fmt.Fprintf(h, "%s\n%d\n", path, len(data))
		h.Write(data)
		return nil
	})
}
