package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Cache is a directory of content-addressed entries: what the analysis
// of a package produced (facts, errors, and for packages asked for,
// diagnostics), under a key that hashes everything the analysis read —
// the tool's own executable, its configuration for the package, the
// package's files, and the keys of its imports.
//
// An entry is written to a temporary file and renamed into place, so
// that concurrent runs sharing a cache never see a partial entry; an
// entry that is truncated, corrupt, or written for another key (a
// foreign file) is ignored and recomputed.
type Cache struct {
	dir string
}

// DefaultCacheDir is where bearercheck keeps its cache:
// $XDG_CACHE_HOME/bearercheck or ~/.cache/bearercheck on Linux,
// ~/Library/Caches/bearercheck on macOS, %LocalAppData%\bearercheck on
// Windows (os.UserCacheDir).
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "bearercheck"), nil
}

// OpenCache opens (creating it if needed) the cache in dir.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("cache: %v", err)
	}
	return &Cache{dir: dir}, nil
}

// Key is the key of an entry.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// magic starts every entry; it changes with the format.
const magic = "bearercheck cache entry v1\n"

func (c *Cache) path(k Key) string {
	s := k.String()
	return filepath.Join(c.dir, s[:2], s)
}

// Get returns the data stored under k, or false when there is none or the
// entry is not intact.
func (c *Cache) Get(k Key) ([]byte, bool) {
	raw, err := os.ReadFile(c.path(k))
	if err != nil {
		return nil, false
	}
	return decodeEntry(k, raw)
}

// decodeEntry checks an entry: magic, its own key, length and checksum.
func decodeEntry(k Key, raw []byte) ([]byte, bool) {
	const head = len(magic) + len(Key{}) + sha256.Size + 8
	if len(raw) < head || string(raw[:len(magic)]) != magic {
		return nil, false
	}
	rest := raw[len(magic):]
	if !bytes.Equal(rest[:len(k)], k[:]) {
		return nil, false // another key's entry
	}
	rest = rest[len(k):]
	sum, rest := rest[:sha256.Size], rest[sha256.Size:]
	n, data := binary.BigEndian.Uint64(rest[:8]), rest[8:]
	if uint64(len(data)) != n {
		return nil, false // truncated or extended
	}
	if got := sha256.Sum256(data); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return data, true
}

// Put stores data under k, atomically.
func (c *Cache) Put(k Key, data []byte) error {
	path := c.path(k)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(magic)
	buf.Write(k[:])
	sum := sha256.Sum256(data)
	buf.Write(sum[:])
	buf.Write(binary.BigEndian.AppendUint64(nil, uint64(len(data))))
	buf.Write(data)
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
