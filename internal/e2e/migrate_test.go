package e2e

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// The migration tests apply `bearercheck -fix` to whole modules and run
// their tests (minutes): they are in the slow tier (BEARERCHECK_SLOW=1,
// set by .ci/run).

// migrationSecrets are the hard-coded credentials of the client modules:
// no output may contain them.
var migrationSecrets = []string{"EXAMPLE0000", "DEVSANDBOX4242"}

// TestMigrate is the acceptance test of the migration (SPEC §3): on a
// copy of each client module (testdata/example, and testdata/clientmod, a
// codebase mid-migration of the kind in the spec's story), with its
// token-adapter configured, `bearercheck -fix ./...` must leave a module
// that builds, vets, is gofmt-clean and passes its own behaviour tests
// with BEARERCHECK_MIGRATED=1 (calls that ignored an available agent task
// send the task's header; without a task every header is unchanged); the
// only findings left are in generated files and hard-coded credentials,
// each saying why, and every hard-coded credential is still reported; a
// second -fix changes nothing.
func TestMigrate(t *testing.T) {
	slowtest.Skip(t)
	for _, mod := range []string{"example", "clientmod"} {
		t.Run(mod, func(t *testing.T) {
			t.Parallel()
			migrateCopy(t, copyModule(t, mod, t.TempDir()))
		})
	}
}

// copyModule copies testdata/name into parent/name and returns that path.
func copyModule(t *testing.T, name, parent string) string {
	t.Helper()
	root, err := moduleRoot()
	require.NoError(t, err)
	dir := filepath.Join(parent, name)
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join(root, "testdata", name))))
	return dir
}

// migrateCopy runs bearercheck -fix in dir and checks the result.
func migrateCopy(t *testing.T, dir string) {
	before := findings(t, dir)
	credentials := hardCoded(before)
	require.NotEmpty(t, credentials, "the module has hard-coded credentials to keep reporting")

	stdout, stderr, err := runIn(dir, binary, "-fix", "./...")
	if err != nil {
		requireExit(t, 3, err, "bearercheck -fix: %s", stderr)
	}
	for _, s := range migrationSecrets {
		require.NotContains(t, stdout+stderr, s, "bearercheck -fix printed a credential")
	}
	fixed := snapshot(t, dir)

	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		_, stderr, err := runIn(dir, "go", args...)
		require.NoError(t, err, "go %s after -fix: %s", strings.Join(args, " "), stderr)
	}
	out, _, err := runIn(dir, "gofmt", "-l", ".")
	require.NoError(t, err)
	require.Empty(t, out, "files not gofmt-clean after -fix")

	// The module's behaviour tests check the header of each request, with
	// and without an agent task; without a task they expect today's header.
	stdout, stderr, err = runIn(dir, "env", "BEARERCHECK_MIGRATED=1", "go", "test", "-count=1", "./...")
	require.NoError(t, err, "the module's tests after -fix:\n%s%s", stdout, stderr)

	after := findings(t, dir)
	for _, d := range after {
		switch {
		case d.Category == "hard-coded-credential":
			require.Contains(t, d.Message, "credential", "%s: the message says why: %s", d.Posn, d.Message)
		case strings.Contains(d.Message, "generated file"):
		default:
			t.Errorf("after -fix, %s still reports %s: %s (%s); only generated-code sites and hard-coded credentials may remain", d.Analyzer, d.Posn, d.Message, d.Category)
		}
	}
	require.Equal(t, credentials, hardCoded(after), "hard-coded credentials reported per file before and after -fix")

	_, stderr, err = runIn(dir, binary, "-fix", "./...")
	if err != nil {
		requireExit(t, 3, err, "second bearercheck -fix: %s", stderr)
	}
	require.Equal(t, fixed, snapshot(t, dir), "second -fix changed files")
}

// A finding is one diagnostic of `bearercheck -json`, with its analyzer.
type finding struct {
	jsonDiag
	Analyzer string
}

// findings runs bearercheck -json in dir and returns its diagnostics, each
// once (a package with tests appears twice in the tree).
func findings(t *testing.T, dir string) []finding {
	t.Helper()
	stdout, stderr, err := runIn(dir, binary, "-json", "./...")
	require.NoError(t, err, "bearercheck -json ./...: %s", stderr)
	for _, s := range migrationSecrets {
		require.NotContains(t, stdout, s, "bearercheck -json printed a credential")
	}
	var out []finding
	seen := map[finding]bool{}
	eachDiag(t, dir, stdout, func(analyzer string, d jsonDiag) {
		if f := (finding{d, analyzer}); !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	})
	return out
}

// hardCoded counts the hard-coded credentials reported per file.
func hardCoded(fs []finding) map[string]int {
	n := map[string]int{}
	for _, f := range fs {
		if f.Category == "hard-coded-credential" {
			file, _, _ := strings.Cut(f.Posn, ":")
			n[file]++
		}
	}
	return n
}

// TestMigrateExampleUser: a module that imports the example's exported
// helpers (testdata/exampleuser) still builds after the example migrates,
// and Go's `go fix ./...` (its inline analyzer) then replaces every call
// of the example's `//go:fix inline` compatibility wrappers by the new
// call; the module still builds, vets and passes its tests.
func TestMigrateExampleUser(t *testing.T) {
	slowtest.Skip(t)
	parent := t.TempDir()
	example := copyModule(t, "example", parent)
	user := copyModule(t, "exampleuser", parent)

	_, stderr, err := runIn(example, binary, "-fix", "./...")
	if err != nil {
		requireExit(t, 3, err, "bearercheck -fix: %s", stderr)
	}
	wrappers := inlineWrappers(t, example)
	require.NotEmpty(t, wrappers, "bearercheck -fix left no //go:fix inline wrapper in the example")

	userTests := func(stage string) {
		for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "-count=1", "./..."}} {
			_, stderr, err := runIn(user, "go", args...)
			require.NoError(t, err, "go %s in exampleuser %s: %s", strings.Join(args, " "), stage, stderr)
		}
	}
	userTests("after the example's -fix")
	calls := wrapperCalls(t, user, wrappers)
	require.NotEmpty(t, calls, "exampleuser calls none of the example's wrappers %v", wrappers)

	_, stderr, err = runIn(user, "go", "fix", "./...")
	require.NoError(t, err, "go fix ./... in exampleuser: %s", stderr)
	require.Empty(t, wrapperCalls(t, user, wrappers), "calls of deprecated wrappers left after go fix (before: %v)", calls)
	userTests("after go fix")
}

// inlineWrappers returns the functions and methods of the module in dir
// whose doc comment carries //go:fix inline, as "pkg/path.Func" or
// "pkg/path.Type.Method"; each must also be marked Deprecated.
func inlineWrappers(t *testing.T, dir string) []string {
	t.Helper()
	modData, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	modPath := strings.Fields(strings.SplitN(string(modData), "\n", 2)[0])[1]
	var out []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(path))
		pkg := strings.TrimSuffix(modPath+"/"+filepath.ToSlash(rel), "/.")
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Doc == nil || !strings.Contains(fd.Doc.Text()+rawComments(fd.Doc), "//go:fix inline") {
				continue
			}
			name := pkg + "." + fd.Name.Name
			if fd.Recv != nil {
				name = pkg + "." + recvName(fd.Recv.List[0].Type) + "." + fd.Name.Name
			}
			require.Contains(t, fd.Doc.Text(), "Deprecated:", "%s is marked //go:fix inline but not Deprecated", name)
			out = append(out, name)
		}
		return nil
	})
	require.NoError(t, err)
	slices.Sort(out)
	return out
}

// rawComments returns the comment lines of g as written (Text drops
// directives such as //go:fix).
func rawComments(g *ast.CommentGroup) string {
	var b strings.Builder
	for _, c := range g.List {
		b.WriteString(c.Text + "\n")
	}
	return b.String()
}

// recvName returns the type name of a receiver type expression.
func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

// wrapperCalls returns the positions of the calls, in the module in dir,
// of the functions named in wrappers (as inlineWrappers names them).
func wrapperCalls(t *testing.T, dir string, wrappers []string) []string {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:  dir,
		Env:  hermeticEnv(),
	}
	pkgs, err := packages.Load(cfg, "./...")
	require.NoError(t, err)
	var out []string
	for _, pkg := range pkgs {
		require.Empty(t, pkg.Errors, "loading %s", pkg.PkgPath)
		for _, f := range pkg.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, ok := typeutil.Callee(pkg.TypesInfo, call).(*types.Func)
				if !ok || fn.Pkg() == nil {
					return true
				}
				name := fn.Pkg().Path() + "." + fn.Name()
				if recv := fn.Signature().Recv(); recv != nil {
					if named, ok := types.Unalias(deref(recv.Type())).(*types.Named); ok {
						name = fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
					}
				}
				if slices.Contains(wrappers, name) {
					out = append(out, pkg.Fset.Position(call.Pos()).String()+" "+name)
				}
				return true
			})
		}
	}
	return out
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
