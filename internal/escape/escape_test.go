package escape

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":           "plain text",
		"a\x1b[2Jb":            `a\x1b[2Jb`,
		"reason\nGate passed.": `reason\nGate passed.`,
		"cr\rlf":               `cr\rlf`,
		"tab\there":            `tab\there`,
		"sep\u2028x":           `sep\u2028x`,
		"bad\xffbyte":          `bad\xffbyte`,
		"real \uFFFD kept":     "real \uFFFD kept",
		"ünïcode ok":           "ünïcode ok",
		"del\x7f":              `del\x7f`,
		"c1\u009bcsi":          `c1\u009bcsi`,
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := Line("\tx := `\x1b`"), "\tx := `\\x1b`"; got != want {
		t.Errorf("Line kept or lost the wrong characters: %q, want %q", got, want)
	}
}
