//go:build !js

package server

import (
	"flag"
	"io"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
)

// The README names make targets, flags, environment variables and files;
// each must be real, so that a renamed flag or a moved file shows up here
// rather than in a host's failed deployment.

const repoRoot = "../.."

var (
	codeSpan     = regexp.MustCompile("`([^`\n]+)`")
	fence        = regexp.MustCompile("(?s)```[a-z]*\n(.*?)```")
	mdLink       = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	makeCommand  = regexp.MustCompile(`\bmake ([a-z][a-z0-9.-]*)`)
	makeTarget   = regexp.MustCompile(`(?m)^([^\s:#=$]+(?: [^\s:#=$]+)*)\s*:([^=]|$)`)
	flagToken    = regexp.MustCompile(`^"?-([a-z][a-z0-9-]*)`)
	envName      = regexp.MustCompile(`^[A-Z][A-Z0-9_]{1,}$`)
	goLiteralEnv = regexp.MustCompile(`"([A-Z][A-Z0-9_]+)"`)
	makeVariable = regexp.MustCompile(`(?m)^([A-Z][A-Z0-9_]*)\s*[?:]?=`)
	mimeType     = regexp.MustCompile(`^(application|text|image|font)/`)
)

// readmeSpans returns the README's inline code spans and the lines of its
// fenced code blocks.
func readmeSpans(t *testing.T) (spans, lines []string, links []string) {
	t.Helper()
	b, err := os.ReadFile(path.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	for _, m := range fence.FindAllStringSubmatch(src, -1) {
		lines = append(lines, strings.Split(m[1], "\n")...)
	}
	prose := fence.ReplaceAllString(src, "")
	for _, m := range codeSpan.FindAllStringSubmatch(prose, -1) {
		spans = append(spans, m[1])
	}
	for _, m := range mdLink.FindAllStringSubmatch(prose, -1) {
		links = append(links, m[1])
	}
	return spans, lines, links
}

func TestREADMEMakeTargetsExist(t *testing.T) {
	spans, lines, _ := readmeSpans(t)
	mk, err := os.ReadFile(path.Join(repoRoot, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]bool{}
	for _, m := range makeTarget.FindAllStringSubmatch(string(mk), -1) {
		for _, name := range strings.Fields(m[1]) {
			targets[name] = true
		}
	}
	n := 0
	for _, s := range append(spans, lines...) {
		for _, m := range makeCommand.FindAllStringSubmatch(s, -1) {
			n++
			if !targets[m[1]] {
				t.Errorf("README names `make %s`; the Makefile has no such target", m[1])
			}
		}
	}
	if n < 3 {
		t.Errorf("found only %d make commands in the README; is the parsing broken?", n)
	}
}

func TestREADMEFlagsAndVariablesExist(t *testing.T) {
	spans, lines, _ := readmeSpans(t)
	fs := flag.NewFlagSet("explainer", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asked := map[string]bool{}
	addFlags(fs, func(k string) string { asked[k] = true; return "" })
	exportFlags(fs)
	reviewFlags(fs)

	var flags []string
	for _, s := range spans {
		fields := strings.Fields(s)
		if len(fields) == 1 || strings.Contains(s, "bin/explainer") || strings.Contains(s, "EXPORTFLAGS=") {
			for _, f := range fields {
				if m := flagToken.FindStringSubmatch(f); m != nil && (len(fields) > 1 || strings.HasPrefix(s, "-")) {
					flags = append(flags, m[1])
				}
			}
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "bin/explainer") {
			for _, f := range strings.Fields(l) {
				if m := flagToken.FindStringSubmatch(f); m != nil {
					flags = append(flags, m[1])
				}
			}
		}
	}
	for _, f := range flags {
		if fs.Lookup(f) == nil && f != "h" && f != "help" { // the flag package's own
			t.Errorf("README names the flag -%s; the server has no such flag", f)
		}
	}
	// Every server flag is in the README too.
	named := map[string]bool{}
	for _, f := range flags {
		named[f] = true
	}
	fs.VisitAll(func(f *flag.Flag) {
		if !named[f.Name] {
			t.Errorf("the server's flag -%s is not in the README", f.Name)
		}
	})

	// An environment variable is one the server reads, or one a test, a
	// tool or the Makefile reads.
	used := map[string]bool{}
	for k := range asked {
		used[k] = true
	}
	src := sourceText(t)
	for _, m := range goLiteralEnv.FindAllStringSubmatch(src, -1) {
		used[m[1]] = true
	}
	for _, m := range makeVariable.FindAllStringSubmatch(src, -1) {
		used[m[1]] = true
	}
	for _, s := range spans {
		if envName.MatchString(s) && !used[s] {
			t.Errorf("README names the variable %s; nothing reads it", s)
		}
	}
	for k := range asked {
		if !slicesContain(spans, k) {
			t.Errorf("the server reads %s; the README does not name it", k)
		}
	}
}

func slicesContain(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// sourceText is the Go source and the Makefile, where environment
// variables are read.
func sourceText(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	mk, _ := os.ReadFile(path.Join(repoRoot, "Makefile"))
	b.Write(mk)
	for _, dir := range []string{"app"} {
		err := walkGo(path.Join(repoRoot, dir), func(src []byte) { b.Write(src) })
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func walkGo(dir string, f func([]byte)) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		switch {
		case e.IsDir():
			if err := walkGo(p, f); err != nil {
				return err
			}
		case strings.HasSuffix(e.Name(), ".go"):
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			f(src)
		}
	}
	return nil
}

func TestREADMEPathsExist(t *testing.T) {
	spans, _, links := readmeSpans(t)
	ignored := gitIgnored(t)
	var paths []string
	for _, s := range spans {
		for _, f := range strings.Fields(s) {
			if strings.Contains(f, "/") && !strings.HasPrefix(f, "/") && !strings.Contains(f, "://") &&
				!strings.ContainsAny(f, `<>"=*`) && !strings.HasPrefix(f, "-") && !mimeType.MatchString(f) {
				paths = append(paths, f)
			}
		}
	}
	for _, l := range links {
		if !strings.Contains(l, "://") && !strings.HasPrefix(l, "#") {
			paths = append(paths, strings.SplitN(l, "#", 2)[0])
		}
	}
	if len(paths) < 5 {
		t.Fatalf("found only %d paths in the README; is the parsing broken?", len(paths))
	}
	for _, p := range paths {
		if _, err := os.Stat(path.Join(repoRoot, p)); err == nil || ignored(p) {
			continue
		}
		t.Errorf("README names %s; the repository has no such file or folder", p)
	}
}

// gitIgnored reports whether a path is a build output that .gitignore
// lists (bin/explainer, dist/, .tools/): named in the README, made by make.
func gitIgnored(t *testing.T) func(string) bool {
	t.Helper()
	b, err := os.ReadFile(path.Join(repoRoot, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	var prefixes []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			prefixes = append(prefixes, strings.Trim(l, "/"))
		}
	}
	return func(p string) bool {
		p = strings.Trim(p, "/")
		for _, pre := range prefixes {
			if ok, _ := path.Match(pre, p); ok || p == pre || strings.HasPrefix(p, pre+"/") {
				return true
			}
		}
		return false
	}
}
