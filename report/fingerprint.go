package report

import (
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// fingerprint returns the stable identity of a site for the baseline: a
// hash of its package, enclosing function, kind, the endpoints its
// function requests itself and its normalised value expression. File
// names, lines and formatting are not part of it, so moving, reformatting
// and renaming a file within its package keep it; so do changes in other
// functions (endpoints reached through callers are not part of it).
// Identical sites in one function are told apart by disambiguate.
func fingerprint(pkg, function, kind string, endpoints []string, value string) string {
	h := sha256.New()
	for _, part := range []string{"bearercheck/1", pkg, function, kind, strings.Join(endpoints, "\n"), value} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// disambiguate gives the second and later of identical entries (same
// fingerprint, in source order) their occurrence index.
func disambiguate[T any](xs []T, fp func(*T) *string) {
	n := map[string]int{}
	for i := range xs {
		f := fp(&xs[i])
		base := *f
		if k := n[base]; k > 0 {
			*f = fingerprint(base, strconv.Itoa(k), "", nil, "")
		}
		n[base]++
	}
}

// CredentialHash returns the hash a hard-coded credential's site is
// fingerprinted by, so that replacing one credential with another is a new
// site for the gate: never the text itself, nor a plain hash of it that a
// reader of the baseline could test guesses against quickly. It is
// PBKDF2-HMAC-SHA256 with the package path in the salt and
// credentialRounds rounds, truncated to 128 bits.
func CredentialHash(pkg, text string) string {
	key, err := pbkdf2.Key(sha256.New, text, []byte("bearercheck credential/1\x00"+pkg), credentialRounds, 16)
	if err != nil {
		return "" // not reached: the parameters are valid
	}
	return hex.EncodeToString(key)
}

// credentialRounds makes each guess at a credential cost what hashing
// 10,000 blocks costs; a site costs it once per analysis.
const credentialRounds = 10_000
