package markdown

import (
	"bytes"
	"fmt"
	"strings"
)

// Field is one "key: value" line of front matter.
type Field struct {
	Key, Value string
	Line       int
}

// Meta is the front matter of a file, in file order.
type Meta []Field

// Get returns the value of key, or "" when it is absent or empty.
func (m Meta) Get(key string) string {
	for _, f := range m {
		if f.Key == key {
			return f.Value
		}
	}
	return ""
}

// SplitFrontMatter cuts the front matter from src. Front matter is optional;
// when present it opens with a "---" line, closes with another, and holds only
// flat "key: value" lines (a narrow reader instead of a YAML library keeps the
// WebAssembly small). The body keeps one blank line per front-matter line, so
// line numbers in later errors still match the file. Keys must be lower-case
// words with underscores, each set once, and one of allowed when allowed is not
// nil.
func SplitFrontMatter(name string, src []byte, allowed []string) (Meta, []byte, error) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, nil
	}
	lines := strings.SplitAfter(string(src), "\n")
	var meta Meta
	for i := 1; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\r\n")
		if line == "---" {
			body := strings.Repeat("\n", i+1) + strings.Join(lines[i+1:], "")
			return meta, []byte(body), nil
		}
		f, err := parseField(line, i+1, meta, allowed)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
		if f.Key != "" {
			meta = append(meta, f)
		}
	}
	return nil, nil, fmt.Errorf("%s:1: front matter opened with --- is never closed", name)
}

func parseField(line string, n int, seen Meta, allowed []string) (Field, error) {
	if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
		return Field{}, nil
	}
	key, value, ok := strings.Cut(line, ":")
	if !ok {
		return Field{}, fmt.Errorf("front matter line %q is not \"key: value\"", line)
	}
	if !isKey(key) {
		return Field{}, fmt.Errorf("front matter key %q must be lower-case letters and underscores", key)
	}
	if allowed != nil && !contains(allowed, key) {
		return Field{}, fmt.Errorf("unknown front matter key %q (known: %s)", key, strings.Join(allowed, ", "))
	}
	for _, f := range seen {
		if f.Key == key {
			return Field{}, fmt.Errorf("front matter key %q set twice (first on line %d)", key, f.Line)
		}
	}
	return Field{Key: key, Value: strings.TrimSpace(value), Line: n}, nil
}

func isKey(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
