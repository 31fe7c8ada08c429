package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"io"
)

//go:embed schema/report.schema.json
var jsonSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the json format,
// the file report/schema/report.schema.json.
func JSONSchema() []byte { return bytes.Clone(jsonSchema) }

// writeJSON writes the inventory as one indented JSON document. Lists are
// never null, so that consumers need not tell "none" from "absent"; the
// order is the inventory's, which is sorted.
func writeJSON(w io.Writer, inv *Inventory) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(forJSON(inv))
}

// forJSON returns a copy of inv in which every list is non-nil and the
// schema version is the one this renderer writes. inv is not modified.
func forJSON(inv *Inventory) *Inventory {
	out := *inv
	out.SchemaVersion = SchemaVersion
	out.Packages = mapList(inv.Packages, func(p Package) Package {
		p.Sites = mapList(p.Sites, siteForJSON)
		p.Migrated = mapList(p.Migrated, siteForJSON)
		p.Ignored = mapList(p.Ignored, siteForJSON)
		return p
	})
	out.Helpers = mapList(inv.Helpers, func(h Helper) Helper {
		h.Endpoints = list(h.Endpoints)
		h.Callers = mapList(h.Callers, func(c Caller) Caller {
			c.Endpoints = list(c.Endpoints)
			return c
		})
		return h
	})
	out.TaskCalls = mapList(inv.TaskCalls, func(t TaskCall) TaskCall {
		t.Endpoints = list(t.Endpoints)
		return t
	})
	if inv.Gate != nil {
		g := *inv.Gate
		g.Failures = list(g.Failures)
		g.New = list(g.New)
		g.NewEntries = mapList(g.NewEntries, func(e GateEntry) GateEntry {
			e.Endpoints = list(e.Endpoints)
			return e
		})
		g.Gone = list(g.Gone)
		out.Gate = &g
	}
	return &out
}

func siteForJSON(s Site) Site {
	s.Endpoints = list(s.Endpoints)
	return s
}

// list returns s, or an empty list for nil.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// mapList returns a new list of f applied to each element of s; empty, not
// nil, for nil.
func mapList[T any](s []T, f func(T) T) []T {
	out := make([]T, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}
