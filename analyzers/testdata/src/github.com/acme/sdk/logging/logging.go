// Package logging is a stub of a structured logger whose fields are strings.
package logging

// Field is a log field.
type Field struct{ Key, Value string }

// String is a string-valued log field.
func String(key, value string) Field { return Field{key, value} }

// Logger logs.
type Logger struct{}

// With returns a logger that adds the key and value to every entry.
func (l *Logger) With(key, value string) *Logger { return l }
