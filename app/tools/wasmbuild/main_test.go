package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const root = "../../.."

// TestGoAppIsTheVersionTheStubsWereWrittenFor fails when go.mod moves to
// another go-app, or the module cache holds other bytes for the same one:
// the stubs in _goapp must then be reviewed against the new files.
func TestGoAppIsTheVersionTheStubsWereWrittenFor(t *testing.T) {
	if _, err := reviewedGoApp(root); err != nil {
		t.Fatal(err)
	}
}

func TestAnUnreviewedGoAppIsRefused(t *testing.T) {
	dir, err := reviewedGoApp(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkReviewed("v10.2.0", dir); err == nil || !strings.Contains(err.Error(), "v10.2.0") {
		t.Errorf("another version: got %v, want an error naming it", err)
	}
	// The same version with one gated file changed, as a patched copy.
	changed := t.TempDir()
	for name := range gated {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "pkg/app/http.go" {
			b = append(b, "\nfunc extra() {}\n"...)
		}
		p := filepath.Join(changed, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := checkReviewed(goAppVersion, changed); err == nil || !strings.Contains(err.Error(), "http.go") {
		t.Errorf("a changed http.go: got %v, want an error naming it", err)
	}
}

// TestBrowserBuildLeavesServerAndCryptoPackagesOut lists the client's
// packages in the workspace the Makefile builds it in, and without it.
func TestBrowserBuildLeavesServerAndCryptoPackagesOut(t *testing.T) {
	out := t.TempDir()
	if err := prepare(root, out); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(out, "go.work")
	gone := []string{"net/http", "net", "crypto/tls", "crypto/x509", "crypto/aes", "crypto/rand", "math/big"}

	without := deps(t, "off")
	if !without["net/http"] || !without["crypto/tls"] {
		t.Fatalf("without the workspace the client no longer links net/http and crypto/tls: go-app may not need the gate any more")
	}
	with := deps(t, work)
	for _, p := range gone {
		if with[p] {
			t.Errorf("the browser build still links %s", p)
		}
	}
	if !with["github.com/maxence-charriere/go-app/v10/pkg/app"] || !with["syscall/js"] {
		t.Errorf("the browser build's package list lacks go-app or syscall/js: %v", with)
	}

	// The stubs compile against the rest of go-app.
	cmd := exec.Command("go", "build", "github.com/maxence-charriere/go-app/v10/pkg/app", "github.com/google/uuid")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+work)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building go-app for the browser with the stubs: %v\n%s", err, b)
	}
}

// deps is the set of packages the client links, for the browser, with
// GOWORK set to work ("off" for none).
func deps(t *testing.T, work string) map[string]bool {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+work)
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps (GOWORK=%s): %v", work, err)
	}
	m := map[string]bool{}
	for _, p := range strings.Fields(string(b)) {
		m[p] = true
	}
	return m
}
