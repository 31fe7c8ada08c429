package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Run says what a report was made from, for its header and its history
// entry: the module, the revision of the analysed tree and the date.
type Run struct {
	Module   string `json:"module,omitempty"`   // the main module's path
	Revision string `json:"revision,omitempty"` // VCS revision of the analysed tree, when known
	Date     string `json:"date,omitempty"`     // RFC 3339, UTC
}

// HistoryEntry is one line of a history file (report -history FILE): the
// headline counts of one run, overall and by package.
type HistoryEntry struct {
	Run      Run                `json:"run"`
	Summary  Summary            `json:"summary"`
	Packages map[string]Summary `json:"packages"` // by import path
}

// NewHistoryEntry returns the history entry of inv.
func NewHistoryEntry(inv *Inventory) HistoryEntry {
	e := HistoryEntry{Summary: inv.Summary, Packages: map[string]Summary{}}
	if inv.Run != nil {
		e.Run = *inv.Run
	}
	for _, p := range inv.Packages {
		e.Packages[p.Path] = p.Summary
	}
	return e
}

// WriteHistoryEntry writes e as one line of JSON.
func WriteHistoryEntry(w io.Writer, e HistoryEntry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ReadHistory reads a history file: one JSON object a line, oldest first.
// Blank lines are skipped; any other line that is not an entry is an
// error naming the line, so that a damaged file is never read as a
// shorter history.
func ReadHistory(r io.Reader) ([]HistoryEntry, error) {
	var out []HistoryEntry
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e HistoryEntry
		dec := json.NewDecoder(bytes.NewReader(line))
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("line %d: not a history entry: %v", n, err)
		}
		if dec.More() {
			return nil, fmt.Errorf("line %d: more than one history entry", n)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Change is the change of the headline since the previous run of the
// history.
type Change struct {
	Since     string  // the previous run: its revision (shortened), else its date
	Remaining int     // remaining sites now minus then
	From, To  float64 // the migrated percentage then and now
}

// Change returns the change since the last entry of inv.History, nil
// without a history.
func (inv *Inventory) Change() *Change {
	if len(inv.History) == 0 {
		return nil
	}
	prev := inv.History[len(inv.History)-1]
	return &Change{
		Since:     prev.Run.label(),
		Remaining: inv.Summary.Remaining - prev.Summary.Remaining,
		From:      prev.Summary.Percent,
		To:        inv.Summary.Percent,
	}
}

// String says the change in words: "−3 sites since abc1234 (66.6% → 75%
// migrated)".
func (c *Change) String() string {
	var what string
	switch {
	case c.Remaining < 0:
		what = "−" + plural(-c.Remaining, "remaining site", "remaining sites")
	case c.Remaining > 0:
		what = "+" + plural(c.Remaining, "remaining site", "remaining sites")
	default:
		what = "no change in remaining sites"
	}
	s := what + " since " + c.Since
	if c.From != c.To {
		s += fmt.Sprintf(" (%s%% → %s%% migrated)", formatPercent(c.From), formatPercent(c.To))
	}
	return s
}

// label names a run: its revision, shortened as git does, or else its
// date (the day), or "the previous run".
func (r Run) label() string {
	switch {
	case r.Revision != "":
		return shortRevision(r.Revision)
	case r.Date != "":
		day, _, _ := strings.Cut(r.Date, "T")
		return day
	}
	return "the previous run"
}

// shortRevision shortens a hexadecimal commit hash to 7 digits, as git
// log --oneline does, keeping a "-dirty" suffix; other revisions are kept.
func shortRevision(rev string) string {
	hash, dirty := strings.CutSuffix(rev, "-dirty")
	if len(hash) > 12 && strings.Trim(hash, "0123456789abcdef") == "" {
		hash = hash[:7]
		if dirty {
			hash += "-dirty"
		}
		return hash
	}
	return rev
}

// runLine says what a report was made from, "module at revision · date",
// with code set by code (markdown code spans, or nothing for text).
func runLine(r *Run, code func(string) string) string {
	var b strings.Builder
	if r.Module != "" {
		b.WriteString(code(r.Module))
	}
	if r.Revision != "" {
		if b.Len() > 0 {
			b.WriteString(" at ")
		}
		b.WriteString(code(shortRevision(r.Revision)))
	}
	if r.Date != "" {
		if b.Len() > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(r.Date)
	}
	return b.String()
}
