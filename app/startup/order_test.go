package startup_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// precedes lists, for each yield package, the heavy packages it must be
// initialised before. Its imports already put it after the packages it
// waits for; these are the relations that rest on Go initialising ready
// packages in import-path order (see the package comment), and that a
// renamed module could silently break.
var precedes = map[string][]string{
	"explainer/app/startup/early":         {"unicode", "fmt", "encoding/json"},
	"explainer/app/startup/afterbig":      {"regexp/syntax"},
	"explainer/app/startup/afterstd":      {"github.com/yuin/goldmark"},
	"explainer/app/startup/aftergoldmark": {"explainer/app/ui"},
}

// TestYieldsRunBetweenTheHeavyPackages runs the app's WebAssembly (web/app.wasm,
// built by make test) under Node with GODEBUG=inittrace=1, which prints
// every package's initialisation in order, and checks each yield package
// runs where its comment says.
func TestYieldsRunBetweenTheHeavyPackages(t *testing.T) {
	wasm := filepath.Join("..", "..", "web", "app.wasm")
	node, err := exec.LookPath("node")
	if _, werr := os.Stat(wasm); err != nil || werr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("needs node and %s (make wasm): %v %v", wasm, err, werr)
		}
		t.Skip("node or web/app.wasm missing")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec_node.js"), wasm)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// main starts the app once every package is initialised; there is no
	// browser here, so whatever it does next does not matter.
	_ = cmd.Run()
	pos := map[string]int{}
	sc := bufio.NewScanner(&stderr)
	for i := 0; sc.Scan(); i++ {
		if f := strings.Fields(sc.Text()); len(f) > 2 && f[0] == "init" && f[2][0] == '@' {
			pos[f[1]] = i
		}
	}
	for yield, later := range precedes {
		at, ok := pos[yield]
		if !ok {
			t.Fatalf("%s did not initialise (is it still imported by main?); trace:\n%s", yield, stderr.String())
		}
		for _, p := range later {
			if after, ok := pos[p]; !ok {
				t.Errorf("%s is not in the init trace", p)
			} else if after < at {
				t.Errorf("%s initialised before %s, which should yield first", p, yield)
			}
		}
	}
}
