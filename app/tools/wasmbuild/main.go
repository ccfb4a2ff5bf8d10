// Command wasmbuild prepares the Go workspace the browser build compiles
// in, so that the WebAssembly links only what the browser runs.
//
// go-app's pkg/app/http.go (the page handler) and pkg/app/resource.go (the
// resource resolvers) carry no build constraint, so every client links
// net/http and, through it, net, crypto/tls and crypto/x509, although the
// browser never serves a page. Its crypto.go (encrypted state, which this
// app does not use) and github.com/google/uuid (two random names) link
// AES-GCM and the rest of the standard library's crypto. Leaving them out
// cuts about a quarter of the wasm's brotli bytes; make bench's size section
// and app/tools/bench/README.md show where the bytes go.
//
// How: wasmbuild copies go-app's module (go.mod, LICENSE and pkg/) from the
// module cache into -out, puts "//go:build !wasm" on top of those three
// files, adds the stubs kept in _goapp (what the rest of go-app needs from
// them in the browser), writes package uuid as a module of its own, and
// writes a go.work that replaces go-app and uuid with those copies. Only
// the wasm build runs with GOWORK set to that file (see the Makefile); the
// server build, go.mod and go.sum are untouched.
//
// Why not the alternatives: go build's -overlay flag would be the smallest
// change, but the go command refuses to overlay files beneath GOMODCACHE
// ("Files beneath GOMODCACHE must not be replaced"). A replace directive in
// go.mod would apply to the server build too, and means keeping a copy of
// go-app in the repository; here the repository holds only the stubs.
//
// The stubs were written against one version of go-app. Before copying,
// wasmbuild checks that go.mod requires that version and that the gated
// files are byte for byte the ones reviewed (SHA-256), and refuses to build
// otherwise; its test checks the same, so upgrading go-app forces a review
// of the stubs. Usage, from the repository root:
//
//	go run ./app/tools/wasmbuild -out .tools/wasmbuild
//	GOWORK=$PWD/.tools/wasmbuild/go.work GOOS=js GOARCH=wasm go build ...
package main

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const (
	goAppModule  = "github.com/maxence-charriere/go-app/v10"
	goAppVersion = "v10.1.11" // the version the stubs were written against
	uuidModule   = "github.com/google/uuid"
)

// gated maps each go-app file left out of the browser build to the SHA-256
// of the version reviewed.
var gated = map[string]string{
	"pkg/app/http.go":     "0601189a9f611378e9b24ab4bdf42780a03cbf95c1bbebd4171b523ddbe9a32d",
	"pkg/app/resource.go": "6b52ab4ec2f4171d403384bffe159e9ec22699933e768ef5868f2851a1b84baa",
	"pkg/app/crypto.go":   "c0fc14126207dc9fa15fb8869bd882874486654919835dc35d5bef8a6122aa97",
}

// stubs are added to go-app's pkg/app in the browser build; uuid/uuid.go
// becomes the uuid module.
//
//go:embed _goapp/*.go uuid/uuid.go
var stubs embed.FS

func main() {
	root := flag.String("root", ".", "the repository root (holds go.mod)")
	out := flag.String("out", ".tools/wasmbuild", "directory for go.work and the copy of go-app")
	flag.Parse()
	if err := prepare(*root, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wasmbuild:", err)
		os.Exit(1)
	}
}

// prepare writes out/go.work and the gated copy of go-app beside it.
func prepare(root, out string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	dir, err := reviewedGoApp(root)
	if err != nil {
		return err
	}
	goVersion, err := goLine(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	copyDir := filepath.Join(out, "go-app")
	if err := os.RemoveAll(copyDir); err != nil {
		return err
	}
	if err := copyModule(dir, copyDir); err != nil {
		return fmt.Errorf("copying go-app: %w", err)
	}
	for name := range gated {
		p := filepath.Join(copyDir, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, append([]byte("//go:build !wasm\n\n"), b...), 0o644); err != nil {
			return err
		}
	}
	if err := writeStubs(filepath.Join(copyDir, "pkg", "app")); err != nil {
		return err
	}
	if err := writeUUID(filepath.Join(out, "uuid")); err != nil {
		return err
	}
	// uuid is replaced at every version: if go-app ever calls more of it
	// than NewString, the browser build stops with an undefined name.
	work := fmt.Sprintf("// Written by app/tools/wasmbuild for the browser build only.\n\ngo %s\n\nuse %s\n\n"+
		"replace %s %s => ./go-app\n\nreplace %s => ./uuid\n",
		goVersion, quoteIfNeeded(root), goAppModule, goAppVersion, uuidModule)
	return os.WriteFile(filepath.Join(out, "go.work"), []byte(work), 0o644)
}

// reviewedGoApp returns the module cache directory of the go-app version
// go.mod requires, after checking it is the version the stubs were written
// for, file for file.
func reviewedGoApp(root string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", goAppModule)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %w\n%s", goAppModule, err, stderr.Bytes())
	}
	var m struct{ Version, Dir string }
	if err := json.Unmarshal(b, &m); err != nil {
		return "", fmt.Errorf("reading go mod download's answer: %w", err)
	}
	if err := checkReviewed(m.Version, m.Dir); err != nil {
		return "", err
	}
	return m.Dir, nil
}

// checkReviewed checks that the go-app in dir, at version, is the one the
// stubs were written against.
func checkReviewed(version, dir string) error {
	if version != goAppVersion {
		return fmt.Errorf("go.mod requires %s %s, but the browser build's stubs were written against %s: "+
			"compare the gated files of both versions, update app/tools/wasmbuild/_goapp, "+
			"then goAppVersion and the hashes in app/tools/wasmbuild", goAppModule, version, goAppVersion)
	}
	for name, want := range gated {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != want {
			return fmt.Errorf("%s@%s/%s is not the file reviewed (SHA-256 %x, want %s): review it against the stubs in app/tools/wasmbuild/_goapp",
				goAppModule, version, name, sum, want)
		}
	}
	return nil
}

// copyModule copies what a build of go-app's packages needs (go.mod, the
// licence, pkg/) with write permission: the module cache is read-only.
func copyModule(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		top := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		keep := rel == "." || top == "pkg" || rel == "go.mod" || rel == "LICENSE"
		switch {
		case !keep && d.IsDir():
			return filepath.SkipDir
		case !keep:
			return nil
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}

func writeStubs(dir string) error {
	files, err := fs.Glob(stubs, "_goapp/*.go")
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return errors.New("no stubs embedded")
	}
	for _, f := range files {
		b, err := stubs.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "gate_"+filepath.Base(f)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeUUID writes package uuid as the module it replaces.
func writeUUID(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b, err := stubs.ReadFile("uuid/uuid.go")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "uuid.go"), b, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+uuidModule+"\n\ngo 1.22\n"), 0o644)
}

// goLine returns the version on go.mod's go line, which go.work repeats.
func goLine(gomod string) (string, error) {
	b, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("%s: no go line", gomod)
}

// quoteIfNeeded quotes a path for go.work when it holds a space.
func quoteIfNeeded(p string) string {
	if strings.ContainsAny(p, " \t\"") {
		b, _ := json.Marshal(p)
		return string(b)
	}
	return p
}
