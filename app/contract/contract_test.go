package contract

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// declared reads contract.go's string constants: name → value.
func declared(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "contract.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("%s is not a string literal", n.Name)
				}
				out[n.Name] = constant.StringVal(constant.MakeFromLiteral(lit.Value, lit.Kind, 0))
			}
		}
	}
	return out
}

// comment matches a JavaScript comment: a block, or // at a line's start or
// after a space (a URL's // follows a colon, a regexp's \/\/ a backslash).
var comment = regexp.MustCompile(`(?s:/\*.*?\*/)|(?m:(^|\s)//.*$)`)

// scripts reads every script in web/ but the worker template, without its
// comments: file name → code.
func scripts(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("../../web/*.js")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no scripts in web/: %v", err)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = comment.ReplaceAllString(string(b), "")
	}
	return out
}

// A kind of shared name: the constants that declare it (by name prefix),
// the patterns that find its uses in the scripts (first group), and the
// scripts to look in (all but the worker template when empty).
type kind struct {
	name     string
	prefixes []string
	uses     []*regexp.Regexp
	in       []string
}

var kinds = []kind{
	{"data-* attribute", []string{"Attr"}, []*regexp.Regexp{
		regexp.MustCompile(`\b(data-[a-z][a-z0-9-]*[a-z0-9])\b`),
		regexp.MustCompile(`\bdataset\.([a-zA-Z]+)`), // camelCase, see kebab
	}, nil},
	{"boot state", []string{"State"}, []*regexp.Regexp{
		regexp.MustCompile(`setState\([^)]*"([a-z]+)"\)`),
		regexp.MustCompile(`\bstate [!=]== "([a-z]+)"`),
	}, nil},
	{"data-boot-on value", []string{"BootOn"}, []*regexp.Regexp{
		regexp.MustCompile(`getAttribute\("data-boot-on"\) [!=]== "([a-z]+)"`),
		regexp.MustCompile(`data-boot-on="([a-z]+)"`),
	}, []string{"boot.js", "app-worker.js"}},
	{"data-app value", []string{"AppReady"}, []*regexp.Regexp{
		regexp.MustCompile(`getAttribute\("data-app"\) [!=]== "([a-z]+)"`),
	}, nil},
	{"banner template", []string{"Banner"}, []*regexp.Regexp{
		regexp.MustCompile(`\bbanner\("([a-z]+)"`),
	}, nil},
	{"banner action", []string{"Action"}, []*regexp.Regexp{
		regexp.MustCompile(`[{,]\s*([a-z]+): function`),
	}, []string{"boot.js"}},
	{"storage key", []string{"Key"}, []*regexp.Regexp{
		regexp.MustCompile(`"(explainer\.[a-z0-9.-]+)"`),
	}, nil},
	{"global", []string{"Global"}, []*regexp.Regexp{
		regexp.MustCompile(`\bwindow\.(explainer[A-Za-z]+)`),
	}, nil},
	{"embed message", []string{"Message", "EventPrefix"}, []*regexp.Regexp{
		regexp.MustCompile(`\btype: "([a-z]+)"`),
		regexp.MustCompile(`\.type === "([a-z]+)"`),
		regexp.MustCompile(`SOURCE = "([a-z-]+)"`),
		regexp.MustCompile(`"(explainer:)"`),
	}, []string{"embed.js", "embed-frame.js"}},
}

// kebab turns a dataset property into its attribute: fitResult → data-fit-result.
func kebab(s string) string {
	if strings.HasPrefix(s, "data-") {
		return s
	}
	var b strings.Builder
	b.WriteString("data-")
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('-')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// The scripts use exactly the names package contract declares: none that
// it does not, and every one it does.
func TestScriptsUseExactlyTheDeclaredNames(t *testing.T) {
	consts := declared(t)
	code := scripts(t)
	files := make([]string, 0, len(code))
	for f := range code {
		files = append(files, f)
	}
	sort.Strings(files)
	claimed := map[string]bool{}
	for _, k := range kinds {
		want := map[string]string{} // value → constant
		for name, v := range consts {
			for _, p := range k.prefixes {
				if strings.HasPrefix(name, p) {
					want[v] = name
					claimed[name] = true
				}
			}
		}
		used := map[string][]string{} // value → files
		for _, f := range files {
			if k.in == nil && f == "app-worker.js" || k.in != nil && !slices.Contains(k.in, f) {
				continue
			}
			for _, re := range k.uses {
				for _, m := range re.FindAllStringSubmatch(code[f], -1) {
					v := m[1]
					if k.name == "data-* attribute" {
						v = kebab(v)
					}
					if !slices.Contains(used[v], f) {
						used[v] = append(used[v], f)
					}
				}
			}
		}
		for v, fs := range used {
			if _, ok := want[v]; !ok {
				t.Errorf("%s %q is used by %s but not declared in package contract", k.name, v, strings.Join(fs, ", "))
			}
		}
		for v, name := range want {
			if len(used[v]) == 0 {
				t.Errorf("%s %s = %q is declared but no script uses it", k.name, name, v)
			}
		}
	}
	for name := range consts {
		if !claimed[name] {
			t.Errorf("constant %s belongs to no kind of shared name this test checks", name)
		}
	}
}
