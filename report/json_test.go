package report

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// compileSchema compiles the embedded JSON Schema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	const url = "report.schema.json"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	return sch
}

// validateJSON checks that out, a json rendering, is valid against the schema.
func validateJSON(t *testing.T, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	require.NoError(t, err)
	if err := sch.Validate(inst); err != nil {
		t.Errorf("output does not match report/schema/report.schema.json: %v", err)
	}
}

func TestJSONValidatesAgainstSchema(t *testing.T) {
	sch := compileSchema(t)
	for _, inv := range []*Inventory{sampleInventory(), sampleGate(), emptyInventory()} {
		validateJSON(t, sch, render(t, inv, "json"))
	}
}

// The embedded schema is the file in the repository.
func TestJSONSchemaIsTheFile(t *testing.T) {
	file, err := os.ReadFile("schema/report.schema.json")
	require.NoError(t, err)
	assert.Equal(t, file, JSONSchema())
}

// The schema rejects what it should: validation is not vacuous.
func TestJSONSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	good := render(t, sampleGate(), "json")
	for name, edit := range map[string]func(m map[string]any){
		"missing summary":   func(m map[string]any) { delete(m, "summary") },
		"unknown field":     func(m map[string]any) { m["extra"] = 1 },
		"wrong version":     func(m map[string]any) { m["schemaVersion"] = 2 },
		"null list":         func(m map[string]any) { m["helpers"] = nil },
		"line 0":            func(m map[string]any) { site(m)["line"] = 0 },
		"unknown analyzer":  func(m map[string]any) { site(m)["analyzer"] = "gosec" },
		"site field":        func(m map[string]any) { site(m)["snippet"] = "x" },
		"percent over 100":  func(m map[string]any) { m["summary"].(map[string]any)["percent"] = 101 },
		"helper no callers": func(m map[string]any) { delete(m["helpers"].([]any)[0].(map[string]any), "callers") },
		"caller field": func(m map[string]any) {
			m["helpers"].([]any)[1].(map[string]any)["callers"].([]any)[0].(map[string]any)["x"] = 1
		},
		"gate no gone": func(m map[string]any) { delete(m["gate"].(map[string]any), "gone") },
	} {
		var m map[string]any
		require.NoError(t, json.Unmarshal(good, &m))
		edit(m)
		bad, err := json.Marshal(m)
		require.NoError(t, err)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(inst), name)
	}
}

// site returns the first remaining site of a decoded document.
func site(m map[string]any) map[string]any {
	return m["packages"].([]any)[0].(map[string]any)["sites"].([]any)[0].(map[string]any)
}

// TestJSONSchemaDocumentsModel checks that the schema names exactly the
// model's JSON fields, requiring those that are always written: a field
// added to the model must be documented in the schema.
func TestJSONSchemaDocumentsModel(t *testing.T) {
	var schema map[string]any
	require.NoError(t, json.Unmarshal(JSONSchema(), &schema))
	defs := schema["$defs"].(map[string]any)
	def := func(name string) map[string]any { return defs[name].(map[string]any) }
	props := schema["properties"].(map[string]any)
	for typ, obj := range map[reflect.Type]map[string]any{
		reflect.TypeFor[Inventory]():     schema,
		reflect.TypeFor[Tool]():          props["tool"].(map[string]any),
		reflect.TypeFor[Summary]():       def("summary"),
		reflect.TypeFor[Package]():       def("package"),
		reflect.TypeFor[Site]():          def("site"),
		reflect.TypeFor[Helper]():        def("helper"),
		reflect.TypeFor[Caller]():        def("caller"),
		reflect.TypeFor[TaskCall]():      def("taskCall"),
		reflect.TypeFor[Gate]():          def("gate"),
		reflect.TypeFor[BaselineEntry](): def("baselineEntry"),
		reflect.TypeFor[Run]():           def("run"),
		reflect.TypeFor[HistoryEntry]():  def("historyEntry"),
	} {
		var fields, always []string
		for f := range typ.Fields() {
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue // not in the JSON
			}
			fields = append(fields, name)
			if opts != "omitempty" {
				always = append(always, name)
			}
		}
		var named, required []string
		for _, o := range append([]map[string]any{obj}, allOf(obj, defs)...) {
			for name := range o["properties"].(map[string]any) {
				named = append(named, name)
			}
			for _, r := range o["required"].([]any) {
				required = append(required, r.(string))
			}
		}
		slices.Sort(fields)
		slices.Sort(always)
		slices.Sort(named)
		slices.Sort(required)
		assert.Equal(t, fields, named, "%s: fields named by the schema", typ)
		assert.Equal(t, always, required, "%s: fields the schema requires", typ)
	}
}

// allOf returns the definitions obj includes through allOf references.
func allOf(obj, defs map[string]any) []map[string]any {
	var out []map[string]any
	refs, _ := obj["allOf"].([]any)
	for _, r := range refs {
		ref := r.(map[string]any)["$ref"].(string)
		out = append(out, defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any))
	}
	return out
}
