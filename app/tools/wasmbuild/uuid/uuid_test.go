package uuid

import (
	"regexp"
	"testing"
)

var v4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestNewStringIsARandomVersion4UUID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		s := NewString()
		if !v4.MatchString(s) {
			t.Fatalf("%q is not a version 4 UUID", s)
		}
		if seen[s] {
			t.Fatalf("%q came twice in a thousand", s)
		}
		seen[s] = true
	}
}
