package e2e

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bearercheck/bearercheck/internal/slowtest"
	"github.com/stretchr/testify/require"
)

// A credential shape: Go source that hard-codes a bearer credential made
// of the given secret parts, in package p of a generated module.
type credShape struct {
	name string
	// file returns the source of the shape's file; filler is blank lines
	// put between the credential and its sink.
	file func(parts []string, filler string) string
	// test is set when the shape lives in a _test.go file.
	test bool
	// parts is the number of secret parts the shape takes.
	parts int
	// imports are the import lines the shape needs beyond fmt and net/http.
	imports string
}

// The body of each shape's file follows a header that declares an
// AuthProvider p and a fixable site (with an import the fix removes), so
// that -diff has an edit within a few lines of the credential.
var credShapes = []credShape{
	{name: "sk", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th.Set(\"Authorization\", \"Bearer sk-live-%s\")\n}\n", f, s[0])
	}},
	{name: "ghp", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th.Add(\"authorization\", \"Bearer ghp_%s\")\n}\n", f, s[0])
	}},
	{name: "jwt", parts: 3, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th[\"Authorization\"] = []string{\"Bearer eyJ%s.eyJ%s.%s\"}\n}\n", f, s[0], s[1], s[2])
	}},
	{name: "split", parts: 3, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th.Set(\"Authorization\", \"Bearer \"+\n\t\t\"sk-%s\"+\n\t\t\"%s\"+\n\t\t\"%s\")\n}\n", f, s[0], s[1], s[2])
	}},
	{name: "constant", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("const apiTok = \"sk-live-%s\"\n%s\nfunc Cred(h http.Header) {\n\th.Set(\"Authorization\", \"Bearer \"+apiTok)\n}\n", s[0], f)
	}},
	{name: "localvar", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {\n\ttok := \"Bearer sk-live-%s\"%s\n\th.Set(\"Authorization\", tok)\n}\n", s[0], f)
	}},
	{name: "raw", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th.Set(\"Authorization\", `Bearer sk-%s`)\n}\n", f, s[0])
	}},
	{name: "maplit", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred() http.Header {%s\n\treturn http.Header{\n\t\t\"Authorization\": {\"Bearer sk-%s\"},\n\t}\n}\n", f, s[0])
	}},
	{name: "grpc", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred() metadata.MD {%s\n\treturn metadata.Pairs(\"authorization\", \"Bearer sk-%s\")\n}\n", f, s[0])
	}},
	{name: "helper", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func pasted() string {\n\treturn \"Bearer sk-%s\"\n}\n%s\nfunc Cred(h http.Header) {\n\th.Set(\"Authorization\", pasted())\n}\n", s[0], f)
	}},
	{name: "helperarg", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func bearerHeader(tok string) string { return \"Bearer \" + tok }\n%s\nfunc Cred(h http.Header) {\n\th.Set(\"Authorization\", bearerHeader(\"sk-%s\"))\n}\n", f, s[0])
	}},
	{name: "setauth", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func setAuth(h http.Header, tok string) {\n\th.Set(\"Authorization\", \"Bearer \"+tok)\n}\n%s\nfunc Cred(h http.Header) {\n\tsetAuth(h,\n\t\t\"sk-%s\")\n}\n", f, s[0])
	}},
	{name: "suppressed", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th.Set(\"Authorization\", \"Bearer sk-%s\") //bearercheck:ignore fixture\n}\n", f, s[0])
	}},
	{name: "builder", parts: 1, imports: "\t\"strings\"\n", file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {\n\tvar sb strings.Builder\n\tsb.WriteString(\"Bearer \")\n\tsb.WriteString(\"sk-live-%s\")%s\n\th.Set(\"Authorization\", sb.String())\n}\n", s[0], f)
	}},
	{name: "buffer", parts: 1, imports: "\t\"bytes\"\n", file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {\n\tvar b bytes.Buffer\n\tfmt.Fprintf(&b, \"Bearer %%s\", \"sk-live-%s\")%s\n\th.Set(\"Authorization\", b.String())\n}\n", s[0], f)
	}},
	{name: "joined", parts: 1, imports: "\t\"strings\"\n", file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {\n\tparts := []string{\"Bearer\",\n\t\t\"sk-live-%s\"}%s\n\th.Set(\"Authorization\", strings.Join(parts, \" \"))\n}\n", s[0], f)
	}},
	{name: "unused", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("const unusedTok = \"Bearer sk-live-%s\"\n%s\n// Cred has no credential.\nfunc Cred(h http.Header) {}\n", s[0], f)
	}},
	{name: "transformed", parts: 1, imports: "\t\"strings\"\n", file: func(s []string, f string) string {
		return fmt.Sprintf("func normalize(s string) string { return strings.ToLower(s) }\n%s\nfunc Cred(h http.Header) {\n\th.Set(\"Authorization\", \"Bearer \"+normalize(\"sk-live-%s\"))\n}\n", f, s[0])
	}},
	{name: "structlit", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("type cfg struct{ Token string }\n\nvar defaultCfg = cfg{Token: \"sk-live-%s\"}\n%s\nfunc Cred(h http.Header) {\n\th.Set(\"Authorization\", \"Bearer \"+defaultCfg.Token)\n}\n", s[0], f)
	}},
	{name: "anonstruct", parts: 1, file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {\n\tc := struct{ Token string }{\n\t\tToken: \"sk-live-%s\",\n\t}%s\n\th.Set(\"Authorization\", \"Bearer \"+c.Token)\n}\n", s[0], f)
	}},
	// exported declares what crossconst and crossstruct send from
	// another package: an exported constant (kept in export data) and a
	// struct variable given one literal.
	{name: "exported", parts: 2, file: func(s []string, f string) string {
		return fmt.Sprintf("// Tok is a credential.\nconst Tok = \"sk-live-%s\"\n%s\n// Cfg is a configuration.\ntype Cfg struct{ Token string }\n\n// Default is the default configuration.\nvar Default = Cfg{Token: \"sk-live-%s\"}\n", s[0], f, s[1])
	}},
	{name: "crossconst", imports: "\t\"example.com/creds/exported\"\n", file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th.Set(\"Authorization\", \"Bearer \"+exported.Tok)\n}\n", f)
	}},
	{name: "crossstruct", imports: "\t\"example.com/creds/exported\"\n", file: func(s []string, f string) string {
		return fmt.Sprintf("func Cred(h http.Header) {%s\n\th.Set(\"Authorization\", \"Bearer \"+exported.Default.Token)\n}\n", f)
	}},
	{name: "test", parts: 1, test: true, file: func(s []string, f string) string {
		return fmt.Sprintf("func credForTest(h http.Header) {%s\n\th.Set(\"Authorization\", \"Bearer sk-test-%s\")\n}\n", f, s[0])
	}},
}

// header is the start of every shape's package: an AuthProvider and a
// site with a fix that also removes the fmt import.
const header = `package %s

import (
	"fmt"
	"net/http"
%s)

// Provider is an AuthProvider.
type Provider struct{ tok string }

// AuthorizationHeaderValue is the sanctioned place to build the header.
func (p *Provider) AuthorizationHeaderValue() string { return "Bearer " + p.tok }

// BearerToken exposes the raw token.
func (p *Provider) BearerToken() string { return p.tok }

// Fixable has a fix whose edits reach the import block.
func Fixable(h http.Header, p *Provider) {
	h.Set("Authorization", fmt.Sprintf("Bearer %%s", p.BearerToken()))
}
`

// secretAlphabet is what the random secret parts are made of.
const secretAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"

// genModule writes a module with one package per credential shape into
// dir and returns the secret parts it hard-codes.
func genModule(t *testing.T, dir string, rng *rand.Rand) []string {
	t.Helper()
	write := func(name, content string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	write("go.mod", "module example.com/creds\n\ngo 1.26\n\nrequire google.golang.org/grpc v1.0.0\n\nreplace google.golang.org/grpc => ./grpcstub\n")
	write("grpcstub/go.mod", "module google.golang.org/grpc\n\ngo 1.26\n")
	write("grpcstub/metadata/metadata.go", "// Package metadata is a stub of gRPC's.\npackage metadata\n\n// MD is gRPC metadata.\ntype MD map[string][]string\n\n// Pairs returns an MD of key/value pairs.\nfunc Pairs(kv ...string) MD {\n\tmd := MD{}\n\tfor i := 0; i+1 < len(kv); i += 2 {\n\t\tmd[kv[i]] = append(md[kv[i]], kv[i+1])\n\t}\n\treturn md\n}\n")
	write(".bearercheck.yml", "include-tests: true\n")
	var secrets []string
	for i, sh := range credShapes {
		parts := make([]string, sh.parts)
		for i := range parts {
			b := make([]byte, 12+rng.IntN(20))
			for j := range b {
				b[j] = secretAlphabet[rng.IntN(len(secretAlphabet))]
			}
			parts[i] = string(b)
		}
		secrets = append(secrets, parts...)
		filler := strings.Repeat("\n", rng.IntN(4))
		pkg := sh.name
		imports := sh.imports
		if sh.name == "grpc" {
			imports = "\n\t\"google.golang.org/grpc/metadata\"\n"
		}
		// Some credentials sit within a diff's context of the fixable
		// site (its fix is then withheld), some further away (the fix is
		// offered and -diff prints it).
		gap := strings.Repeat("\n", rng.IntN(4)+6*(i%2))
		src := fmt.Sprintf(header, pkg, imports) + gap + "\n" + sh.file(parts, filler)
		name := pkg + "/" + pkg + ".go"
		if sh.test {
			write(name, fmt.Sprintf(header, pkg, imports))
			src = "package " + pkg + "\n\nimport \"net/http\"\n\n" + sh.file(parts, filler)
			name = pkg + "/" + pkg + "_test.go"
		}
		write(name, src)
	}
	return secrets
}

// TestSecretsNeverPrinted is a property test: over modules generated with
// random credentials of every shape, no output of any path that prints
// findings, source context or diffs — standalone text, -c, -json, -diff,
// -fix, the flags that used to reach multichecker, go vet and go fix —
// holds any fragment of a secret.
func TestSecretsNeverPrinted(t *testing.T) {
	slowtest.Skip(t)
	seeds := 1
	if s := os.Getenv("BEARERCHECK_SECRET_SEEDS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err)
		seeds = n
	}
	for seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(seed), 0x5ec7e75))
			dir := t.TempDir()
			secrets := genModule(t, dir, rng)
			// The module loads and type-checks: findings, no errors.
			_, loadErr, err := runIn(dir, binary, "./...")
			requireExit(t, 3, err, "the generated module must load and type-check:\n%s", loadErr)
			prof := filepath.Join(t.TempDir(), "cpu.prof")
			cache := t.TempDir()
			runs := [][]string{
				{binary, "./..."},
				{binary, "-c=0", "./..."},
				{binary, "-c=2", "./..."},
				{binary, "-c=40", "./..."},
				{binary, "-json", "./..."},
				{binary, "-fix=false", "-c=40", "./..."},
				{binary, "-cpuprofile=" + prof, "-c=40", "./..."},
				{binary, "-cache=off", "-trace=" + prof + ".trace", "-c=40", "./..."},
				{binary, "-cache=" + cache, "-c=40", "./..."},
				{binary, "-cache=" + cache, "-c=40", "./..."}, // warm
				{binary, "report", "-cache=" + cache, "./..."},
				{binary, "-bearerheader", "-c=40", "./..."},
				{binary, "-diff", "./..."},
				{binary, "-fix", "-diff", "-c=40", "./..."},
				{"go", "vet", "-vettool=" + binary, "./..."},
				{"go", "vet", "-vettool=" + binary, "-json", "./..."},
				{"go", "vet", "-vettool=" + binary, "-c=40", "./..."},
				{"go", "vet", "-vettool=" + binary, "-c=0", "./..."},
				{"go", "vet", "-vettool=" + binary, "-fix", "-diff", "./..."},
				{"go", "fix", "-fixtool=" + binary, "-diff", "./..."},
			}
			fixed := 0
			var outputs strings.Builder // for the message of a failure
			for _, args := range runs {
				stdout, stderr, _ := runIn(dir, args[0], args[1:]...)
				out := stdout + stderr
				fmt.Fprintf(&outputs, "$ %s\n%s\n", strings.Join(args, " "), out)
				for _, s := range secrets {
					for i := 0; i+8 <= len(s); i++ {
						require.NotContains(t, out, s[i:i+8], "%s printed a fragment of a secret:\n%s", strings.Join(args, " "), out)
					}
				}
				if strings.Contains(stdout, "+++ ") {
					fixed++
				}
			}
			require.Positive(t, fixed, "no run printed a diff: the property is not exercised\n%s", outputs.String())
			// No cache entry holds credential text: not the facts, not the
			// export data kept for imports (exported.Tok), not the report.
			walkErr := filepath.WalkDir(cache, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				for _, s := range secrets {
					for i := 0; i+8 <= len(s); i++ {
						require.NotContains(t, string(data), s[i:i+8], "cache entry %s holds a fragment of a secret", path)
					}
				}
				return nil
			})
			require.NoError(t, walkErr)
			// -fix itself (last: it rewrites the module), then what remains.
			stdout, stderr, err := runIn(dir, binary, "-fix", "-c=40", "./...")
			requireExit(t, 3, err, "hard-coded credentials remain after -fix: %s", stderr)
			for _, s := range secrets {
				require.NotContains(t, stdout+stderr, s[:8])
			}
		})
	}
}
