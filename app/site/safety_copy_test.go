package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyOfSafety matches the safety line's numbers and wording: the numbers
// as whole numbers, the Lifeline's name and site, and the line's last words.
var copyOfSafety = regexp.MustCompile(`\b(988|911)\b|Suicide (&|&amp;|and) Crisis|988lifeline|nearest emergency room`)

// The safety line's wording and numbers live only in content/safety.md:
// no Go code, script or other content file carries a copy that could fall
// out of step with it. Tests and their fixtures may check for the numbers;
// READMEs describe the line to people who edit it.
func TestSafetyLineHasNoOtherCopy(t *testing.T) {
	root := filepath.Join("..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			switch name {
			case ".git", ".tools", "node_modules", "dist", "bin", "testdata", "bench-results":
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		switch {
		case rel == filepath.Join("content", "safety.md"), name == "README.md",
			strings.HasSuffix(name, "_test.go"):
			return nil
		case !strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, ".js") &&
			!strings.HasPrefix(rel, "content"+string(filepath.Separator)):
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for i, line := range strings.Split(string(b), "\n") {
			if m := copyOfSafety.FindString(line); m != "" {
				t.Errorf("%s:%d: %q copies the safety line; show it with the one component (content/safety.md)", rel, i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d files checked: is the walk at the repository's root?", checked)
	}
}
