//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
)

// wasmSizes is the size of the WebAssembly as stored and as sent.
type wasmSizes struct {
	Raw    int64 `json:"raw"`
	Gzip   int64 `json:"gzip9"`
	Brotli int64 `json:"brotli11"`
}

func measureWasm(path string) (wasmSizes, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return wasmSizes{}, err
	}
	return wasmSizes{Raw: int64(len(b)), Gzip: int64(len(gzipBytes(b))), Brotli: int64(len(brotliBytes(b)))}, nil
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// pkgSize is the code one package contributes to the wasm.
type pkgSize struct {
	Pkg   string `json:"pkg"`
	Code  int64  `json:"code"`  // bytes of function bodies
	Gzip  int64  `json:"gzip9"` // those bodies alone, gzip -9: a rough guide to what they cost on the wire
	Funcs int    `json:"funcs"`
}

// breakdown is where the bytes of the wasm go.
type breakdown struct {
	Total    int64     `json:"total"`    // the unstripped wasm
	Code     int64     `json:"code"`     // the code section
	Data     int64     `json:"data"`     // the data section: read-only data, type descriptors, pclntab
	Other    int64     `json:"other"`    // every other section, names included
	Packages []pkgSize `json:"packages"` // by code size, largest first
	Groups   []pkgSize `json:"groups"`   // the same rolled up by module or standard-library tree
}

// buildBreakdown builds the client again, with symbol names (no -s -w), into
// a temporary directory and reads the sizes from it. go tool nm does not read
// wasm files, so the names come from the wasm "name" section and the sizes
// from the code section: that is what the linker kept, after dead-code
// elimination.
func buildBreakdown(root string) (breakdown, error) {
	dir, err := os.MkdirTemp("", "bench-wasm-")
	if err != nil {
		return breakdown{}, err
	}
	defer os.RemoveAll(dir)
	// The same workspace as make wasm's, which leaves go-app's server
	// files out of the browser build (app/tools/wasmbuild).
	work := filepath.Join(dir, "work")
	prep := exec.Command("go", "run", "./app/tools/wasmbuild", "-out", work)
	prep.Dir = root
	if b, err := prep.CombinedOutput(); err != nil {
		return breakdown{}, fmt.Errorf("preparing the browser build's workspace: %w\n%s", err, b)
	}
	out := filepath.Join(dir, "app.wasm")
	// The Makefile's WASMFLAGS without -s -w, so that the code measured is
	// the code shipped (inlining off except in the runtime).
	cmd := exec.Command("go", "build", "-trimpath", "-gcflags=all=-l", "-gcflags=runtime/...=", "-o", out, ".")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+filepath.Join(work, "go.work"))
	if b, err := cmd.CombinedOutput(); err != nil {
		return breakdown{}, fmt.Errorf("building the unstripped wasm: %w\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return breakdown{}, err
	}
	list := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", ".")
	list.Dir = root
	list.Env = cmd.Env
	lb, err := list.Output()
	if err != nil {
		return breakdown{}, fmt.Errorf("listing the client's packages: %w", err)
	}
	return parseBreakdown(b, strings.Fields(string(lb)))
}

// parseBreakdown attributes the code section of a wasm module to packages
// by the function names in its name section.
func parseBreakdown(b []byte, pkgs []string) (breakdown, error) {
	m, err := parseWasm(b)
	if err != nil {
		return breakdown{}, err
	}
	bd := breakdown{Total: int64(len(b)), Data: m.dataSize}
	if len(m.names) == 0 {
		return bd, errors.New("the wasm has no function names: build it without -ldflags=-s")
	}
	sn := newSymbolNames(pkgs)
	byPkg := map[string]*pkgSize{}
	bodies := map[string]*bytes.Buffer{}
	for i, body := range m.bodies {
		name := m.names[m.importedFuncs+i]
		if name == "" {
			name = "(unnamed)"
		}
		p := sn.pkgOf(name)
		if byPkg[p] == nil {
			byPkg[p] = &pkgSize{Pkg: p}
			bodies[p] = &bytes.Buffer{}
		}
		byPkg[p].Code += int64(len(body))
		byPkg[p].Funcs++
		bodies[p].Write(body)
		bd.Code += int64(len(body))
	}
	groups := map[string]*pkgSize{}
	for p, s := range byPkg {
		s.Gzip = int64(len(gzipBytes(bodies[p].Bytes())))
		g := groupOf(p)
		if groups[g] == nil {
			groups[g] = &pkgSize{Pkg: g}
		}
		groups[g].Code += s.Code
		groups[g].Gzip += s.Gzip
		groups[g].Funcs += s.Funcs
		bd.Packages = append(bd.Packages, *s)
	}
	for _, g := range groups {
		bd.Groups = append(bd.Groups, *g)
	}
	bd.Other = bd.Total - m.codeSectionSize - bd.Data
	// The code section also holds each body's length prefix; count that
	// overhead with the other sections so the rows add up to the total.
	bd.Other += m.codeSectionSize - bd.Code
	bySize(bd.Packages)
	bySize(bd.Groups)
	return bd, nil
}

func bySize(s []pkgSize) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Code != s[j].Code {
			return s[i].Code > s[j].Code
		}
		return s[i].Pkg < s[j].Pkg
	})
}

// symbolNames maps the function names of a Go wasm back to package paths.
// The linker writes each name with every character other than a letter,
// digit, '_' or '.' replaced by '_' ("explainer/app/ui.(*Fit).Render"
// becomes "explainer_app_ui.__Fit_.Render"), which cannot be undone by
// itself, so names are matched against the mangled paths of the packages
// the program links, longest first.
type symbolNames struct {
	mangled []string          // longest first
	paths   map[string]string // mangled → import path
}

var nameMangle = regexp.MustCompile(`[^\w.]`)

func newSymbolNames(pkgs []string) *symbolNames {
	sn := &symbolNames{paths: map[string]string{}}
	for _, p := range pkgs {
		m := nameMangle.ReplaceAllString(p, "_")
		sn.paths[m] = p
		sn.mangled = append(sn.mangled, m)
	}
	sort.Slice(sn.mangled, func(i, j int) bool { return len(sn.mangled[i]) > len(sn.mangled[j]) })
	return sn
}

// pkgOf returns the package path of a mangled function name. Names of no
// known package (the linker's own type:.eq and type:.hash functions) are
// grouped by what precedes their first dot.
func (sn *symbolNames) pkgOf(name string) string {
	for _, m := range sn.mangled {
		if len(name) > len(m) && name[len(m)] == '.' && strings.HasPrefix(name, m) {
			return sn.paths[m]
		}
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return "(" + name[:i] + ")"
	}
	return "(" + name + ")"
}

// groupOf rolls a package path up to its module (three path elements for a
// path whose first element is a host name), to "explainer" for the
// project's own packages, and to the top-level directory for the standard
// library ("encoding/json" → "encoding").
func groupOf(pkg string) string {
	parts := strings.Split(pkg, "/")
	switch {
	case parts[0] == "explainer":
		return "explainer"
	case strings.HasPrefix(pkg, "("):
		return pkg
	case strings.Contains(parts[0], ".") && len(parts) >= 3:
		return strings.Join(parts[:3], "/")
	default:
		return parts[0]
	}
}

// wasmModule is what the breakdown needs from a wasm binary.
type wasmModule struct {
	importedFuncs   int
	bodies          [][]byte // function bodies, in code-section order
	names           map[int]string
	codeSectionSize int64
	dataSize        int64
}

// parseWasm reads the sections of a wasm binary: the import section (to
// number the functions), the code section, the data section's size and the
// function names of the "name" custom section.
func parseWasm(b []byte) (*wasmModule, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	m := &wasmModule{names: map[int]string{}}
	r := &reader{b: b, off: 8}
	for r.off < len(b) {
		id := r.byte()
		size := int(r.uleb())
		if r.err != nil || r.off+size > len(b) {
			return nil, fmt.Errorf("section %d at offset %d: truncated", id, r.off)
		}
		sec := &reader{b: b[r.off : r.off+size]}
		switch id {
		case 0:
			if sec.name() == "name" {
				sec.functionNames(m.names)
			}
		case 2:
			m.importedFuncs = sec.countFuncImports()
		case 10:
			m.codeSectionSize = int64(size)
			n := int(sec.uleb())
			for i := 0; i < n && sec.err == nil; i++ {
				l := int(sec.uleb())
				m.bodies = append(m.bodies, sec.bytes(l))
			}
		case 11:
			m.dataSize = int64(size)
		}
		if sec.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, sec.err)
		}
		r.off += size
	}
	return m, nil
}

// reader decodes the parts of the wasm binary format the breakdown needs.
// The first error sticks; later reads return zero values.
type reader struct {
	b   []byte
	off int
	err error
}

var errShort = errors.New("unexpected end of data")

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.err = errShort
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) uleb() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("LEB128 value too long")
	return 0
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || r.off+n > len(r.b) {
		r.err = errShort
		return nil
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

func (r *reader) name() string { return string(r.bytes(int(r.uleb()))) }

func (r *reader) limits() {
	if flags := r.byte(); flags&1 != 0 {
		r.uleb()
		r.uleb()
	} else {
		r.uleb()
	}
}

func (r *reader) countFuncImports() int {
	n := int(r.uleb())
	funcs := 0
	for i := 0; i < n && r.err == nil; i++ {
		r.name() // module
		r.name() // field
		switch kind := r.byte(); kind {
		case 0: // function: type index
			r.uleb()
			funcs++
		case 1: // table: element type, limits
			r.byte()
			r.limits()
		case 2: // memory
			r.limits()
		case 3: // global: value type, mutability
			r.byte()
			r.byte()
		case 4: // tag: attribute, type index
			r.byte()
			r.uleb()
		default:
			r.err = fmt.Errorf("import kind %d", kind)
		}
	}
	return funcs
}

// functionNames reads subsection 1 of the name section into names.
func (r *reader) functionNames(names map[int]string) {
	for r.off < len(r.b) && r.err == nil {
		id := r.byte()
		size := int(r.uleb())
		sub := &reader{b: r.bytes(size)}
		if id != 1 {
			continue
		}
		n := int(sub.uleb())
		for i := 0; i < n && sub.err == nil; i++ {
			idx := int(sub.uleb())
			names[idx] = sub.name()
		}
		if sub.err != nil {
			r.err = sub.err
		}
	}
}
