//go:build !js

package main

import (
	"bytes"
	"testing"
)

// wasmFile assembles a minimal module: two imported functions, three
// defined functions with the given body sizes and names, a data section of
// dataLen bytes and a name section.
func wasmFile(t *testing.T, names []string, bodies []int, dataLen int) []byte {
	t.Helper()
	uleb := func(b *bytes.Buffer, v int) {
		for {
			c := byte(v & 0x7f)
			v >>= 7
			if v != 0 {
				b.WriteByte(c | 0x80)
				continue
			}
			b.WriteByte(c)
			return
		}
	}
	str := func(b *bytes.Buffer, s string) { uleb(b, len(s)); b.WriteString(s) }
	var out bytes.Buffer
	out.WriteString("\x00asm\x01\x00\x00\x00")
	section := func(id byte, body []byte) {
		out.WriteByte(id)
		uleb(&out, len(body))
		out.Write(body)
	}
	var imp bytes.Buffer
	uleb(&imp, 3)
	str(&imp, "go")
	str(&imp, "runtime.a")
	imp.WriteByte(0)
	uleb(&imp, 0)
	str(&imp, "go")
	str(&imp, "mem")
	imp.WriteByte(2) // a memory import, which is not a function
	imp.WriteByte(1)
	uleb(&imp, 1)
	uleb(&imp, 300) // max > 127: a two-byte LEB128
	str(&imp, "go")
	str(&imp, "runtime.b")
	imp.WriteByte(0)
	uleb(&imp, 0)
	section(2, imp.Bytes())
	var code bytes.Buffer
	uleb(&code, len(bodies))
	for _, n := range bodies {
		uleb(&code, n)
		code.Write(bytes.Repeat([]byte{0x0b}, n))
	}
	section(10, code.Bytes())
	section(11, make([]byte, dataLen))
	var fn bytes.Buffer
	uleb(&fn, len(names)+2)
	uleb(&fn, 0)
	str(&fn, "runtime.a")
	uleb(&fn, 1)
	str(&fn, "runtime.b")
	for i, n := range names {
		uleb(&fn, i+2)
		str(&fn, n)
	}
	var name bytes.Buffer
	str(&name, "name")
	name.WriteByte(1)
	uleb(&name, fn.Len())
	name.Write(fn.Bytes())
	section(0, name.Bytes())
	return out.Bytes()
}

func TestParseBreakdownAttributesCodeToPackages(t *testing.T) {
	b := wasmFile(t, []string{
		"github.com_yuin_goldmark_parser.__blockParser_.Open",
		"explainer_app_ui.Init",
		"github.com_yuin_goldmark_parser.NewParser",
		"type_.eq.foo",
	}, []int{100, 40, 60, 7}, 500)
	bd, err := parseBreakdown(b, []string{"github.com/yuin/goldmark/parser", "github.com/yuin/goldmark", "explainer/app/ui", "explainer/app"})
	if err != nil {
		t.Fatal(err)
	}
	if bd.Total != int64(len(b)) || bd.Data != 500 || bd.Code != 207 {
		t.Errorf("total %d data %d code %d, want %d, 500, 207", bd.Total, bd.Data, bd.Code, len(b))
	}
	if bd.Code+bd.Data+bd.Other != bd.Total {
		t.Errorf("code %d + data %d + other %d != total %d", bd.Code, bd.Data, bd.Other, bd.Total)
	}
	want := []struct {
		pkg   string
		code  int64
		funcs int
	}{
		{"github.com/yuin/goldmark/parser", 160, 2},
		{"explainer/app/ui", 40, 1},
		{"(type_)", 7, 1},
	}
	if len(bd.Packages) != len(want) {
		t.Fatalf("packages %+v, want %d", bd.Packages, len(want))
	}
	for i, w := range want {
		p := bd.Packages[i]
		if p.Pkg != w.pkg || p.Code != w.code || p.Funcs != w.funcs {
			t.Errorf("package %d = %s %d B %d funcs, want %s %d B %d funcs", i, p.Pkg, p.Code, p.Funcs, w.pkg, w.code, w.funcs)
		}
	}
	if g := bd.Groups[0]; g.Pkg != "github.com/yuin/goldmark" || g.Code != 160 {
		t.Errorf("largest group = %+v, want github.com/yuin/goldmark with 160 B", g)
	}
}

func TestParseBreakdownNeedsNames(t *testing.T) {
	b := wasmFile(t, nil, nil, 10)
	// Cut the name section off: a stripped (-s) build has none.
	stripped := b[:bytes.Index(b, []byte("\x04name"))-2]
	if _, err := parseBreakdown(stripped, nil); err == nil {
		t.Error("parseBreakdown of a wasm without names succeeded, want an error saying to build without -s")
	}
}

func TestParseWasmRejectsOtherFiles(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("\x7fELF\x02\x01\x01\x00"), []byte("\x00asm\x01\x00\x00\x00\x0a\xff")} {
		if _, err := parseWasm(b); err == nil {
			t.Errorf("parseWasm(%q) succeeded, want an error", b)
		}
	}
}

func TestSymbolNames(t *testing.T) {
	sn := newSymbolNames([]string{"regexp", "regexp/syntax", "github.com/maxence-charriere/go-app/v10/pkg/app", "slices"})
	tests := map[string]string{
		"regexp.Compile":                "regexp",
		"regexp_syntax.Parse":           "regexp/syntax",
		"slices.SortFunc_go.shape.int_": "slices",
		"github.com_maxence-charriere_go-app_v10_pkg_app.__Elem_.Mount": "(github)",
		"github.com_maxence_charriere_go_app_v10_pkg_app.__Elem_.Mount": "github.com/maxence-charriere/go-app/v10/pkg/app",
		"type_.hash.foo": "(type_)",
		"unnamed":        "(unnamed)",
	}
	for name, want := range tests {
		if got := sn.pkgOf(name); got != want {
			t.Errorf("pkgOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestGroupOf(t *testing.T) {
	tests := map[string]string{
		"github.com/yuin/goldmark/parser":                 "github.com/yuin/goldmark",
		"github.com/maxence-charriere/go-app/v10/pkg/app": "github.com/maxence-charriere/go-app",
		"explainer/app/ui":                                "explainer",
		"encoding/json":                                   "encoding",
		"runtime":                                         "runtime",
		"(type_)":                                         "(type_)",
	}
	for pkg, want := range tests {
		if got := groupOf(pkg); got != want {
			t.Errorf("groupOf(%q) = %q, want %q", pkg, got, want)
		}
	}
}
