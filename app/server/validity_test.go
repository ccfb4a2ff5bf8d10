//go:build !js

package server

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// vnuJar is the W3C Nu HTML Checker, installed by make test.
const vnuJar = "../../.tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"

// Every page the server sends is valid HTML by the W3C checker: each route
// (the questionnaire in the state it is prerendered in), each embed widget
// and the 404 page. The checker needs Java; without it or the jar the test
// skips, except under CI.
func TestEveryPageIsValidHTML(t *testing.T) {
	java, err := exec.LookPath("java")
	if _, jarErr := os.Stat(vnuJar); err != nil || jarErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the HTML checker needs java and %s (make test installs it): %v %v", vnuJar, err, jarErr)
		}
		t.Skip("java or the vnu jar is missing; make test installs the jar")
	}
	srv := newTestServer(t, "-base-url", "https://therapy.example", "-booking-url", "https://book.example/")
	dir := t.TempDir()
	targets := []string{"/nope", "/embed/article?section=what-a-typical-session-looks-like&theme=dark&autoheight=1"}
	for _, r := range srv.ui.Routes() {
		targets = append(targets, r.Path)
	}
	var files []string
	for i, target := range targets {
		w := do(srv, "GET", target)
		if w.Code != 200 && target != "/nope" {
			t.Fatalf("GET %s = %d", target, w.Code)
		}
		f := filepath.Join(dir, strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "_").Replace(target)+".html")
		if err := os.WriteFile(f, w.Body.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		_ = i
	}
	// The review document the practice signs is valid HTML too.
	review := filepath.Join(dir, "review.html")
	if err := os.WriteFile(review, []byte(ReviewDocument(srv.site, time.Now())), 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, review)
	out, err := exec.Command(java, append([]string{"-jar", vnuJar, "--errors-only", "--format", "gnu"}, files...)...).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("the W3C HTML checker found errors (%v):\n%s", err, strings.ReplaceAll(string(out), dir+"/", ""))
	}
	t.Logf("%d pages checked", len(files))
}
