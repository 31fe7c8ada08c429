package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`"Bearer "+tok`, `"Bearer " + tok`},
		{"fmt.Sprintf(\n\t\"Bearer %s\",\n\tc.token,\n)", `fmt.Sprintf("Bearer %s", c.token)`},
		{`"Bearer sk-live-EXAMPLE0000"`, `"Bearer [redacted]"`},
		{`"Bearer " + "sk-live-EXAMPLE0000"`, `"Bearer " + "[redacted]"`},
		{`backend.BearerHeader("sk-x")`, `backend.BearerHeader("[redacted]")`},
		{`[]string{"Bearer " + tok}`, `[]string{"Bearer " + tok}`},
		{`strings.Join([]string{"Bearer", tok}, " ")`, `strings.Join([]string{"Bearer", tok}, " ")`},
		{`"%s %s"`, `"%s %s"`},
		{"`Bearer abc`", `"Bearer [redacted]"`},
	} {
		assert.Equal(t, tc.want, Normalize(tc.in), tc.in)
	}
}
