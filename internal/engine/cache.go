package engine

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
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

// Trimming, as the go command's build cache does it: a run that reads
// an entry last used more than usedQuantum ago marks it used (its
// modification time); once a day at most, opening the cache removes the
// entries not used for trimAge.
const (
	usedQuantum   = time.Hour
	trimAge       = 5 * 24 * time.Hour
	trimInterval  = 24 * time.Hour
	trimStampFile = "trim.txt"
)

// OpenCache opens (creating it if needed) the cache in dir, and trims it
// when it was last trimmed more than a day ago.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("cache: %v", err)
	}
	// A cache that cannot be written is no cache: entries read from it
	// could never be refreshed.
	probe, err := os.CreateTemp(dir, "probe-*")
	if err != nil {
		return nil, fmt.Errorf("cache: %v", err)
	}
	probe.Close()
	os.Remove(probe.Name())
	c := &Cache{dir: dir}
	c.trim(time.Now())
	return c, nil
}

// trim removes the entries (and left-over temporary files) not used for
// trimAge, at most once per trimInterval. A run sharing the cache that
// reads an entry being removed gets a miss and recomputes it.
func (c *Cache) trim(now time.Time) {
	stamp := filepath.Join(c.dir, trimStampFile)
	if info, err := os.Stat(stamp); err == nil && now.Sub(info.ModTime()) < trimInterval {
		return
	} else if errors.Is(err, fs.ErrNotExist) {
		// A new cache: nothing to trim before trimAge has passed.
		_ = os.WriteFile(stamp, nil, 0o666)
		return
	}
	subdirs, _ := os.ReadDir(c.dir)
	for _, sub := range subdirs {
		if !sub.IsDir() || len(sub.Name()) != 2 {
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(c.dir, sub.Name()))
		for _, e := range entries {
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > trimAge {
				os.Remove(filepath.Join(c.dir, sub.Name(), e.Name()))
			}
		}
	}
	_ = os.Chtimes(stamp, now, now)
}

// Key is the key of an entry.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// magic starts every entry; it changes with the format.
const magic = "bearercheck cache entry v2\n"

// Entries hold what the analysis of a package's source produced: facts,
// diagnostics and the export data of its declarations, constants with
// their values, credentials too. No entry holds them in clear text: an
// entry is sealed (AES-256-GCM) with a key derived from its cache key,
// and stored under a name that is another hash of that key. The key
// hashes the contents of the package's files, so only a reader who has
// the source the entry was computed from can open it; the cache
// directory alone (shared through actions/cache between branches and
// pull requests) gives nothing away.
func derive(purpose string, k Key) [sha256.Size]byte {
	return sha256.Sum256(append([]byte("bearercheck cache "+purpose+"\x00"), k[:]...))
}

func (c *Cache) path(k Key) string {
	name := derive("name", k)
	s := hex.EncodeToString(name[:])
	return filepath.Join(c.dir, s[:2], s)
}

// aead returns the cipher that seals the entry of k.
func aead(k Key) cipher.AEAD {
	key := derive("seal", k)
	block, err := aes.NewCipher(key[:])
	if err != nil {
		panic(err) // a 32-byte key is always valid
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return gcm
}

// Get returns the data stored under k, or false when there is none or the
// entry is not intact.
func (c *Cache) Get(k Key) ([]byte, bool) {
	path := c.path(k)
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, false
	}
	raw, err := io.ReadAll(io.LimitReader(f, info.Size()+1))
	if err != nil {
		return nil, false
	}
	data, ok := decodeEntry(k, raw)
	if now := time.Now(); ok && now.Sub(info.ModTime()) > usedQuantum {
		_ = os.Chtimes(path, now, now) // used: not trimmed
	}
	return data, ok
}

// decodeEntry opens an entry: magic, nonce, sealed data. An entry that is
// truncated, altered, or sealed for another key does not open.
func decodeEntry(k Key, raw []byte) ([]byte, bool) {
	gcm := aead(k)
	if len(raw) < len(magic)+gcm.NonceSize() || string(raw[:len(magic)]) != magic {
		return nil, false
	}
	rest := raw[len(magic):]
	data, err := gcm.Open(nil, rest[:gcm.NonceSize()], rest[gcm.NonceSize():], []byte(magic))
	return data, err == nil
}

// Put stores data under k, atomically.
func (c *Cache) Put(k Key, data []byte) error {
	path := c.path(k)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return err
	}
	gcm := aead(k)
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(magic)
	buf.Write(nonce)
	buf.Write(gcm.Seal(nil, nonce, data, []byte(magic)))
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
