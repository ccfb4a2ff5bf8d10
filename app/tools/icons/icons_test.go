package main

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSizes checks that every drawing function produces the size its file
// name and the web manifest promise.
func TestSizes(t *testing.T) {
	cases := []struct {
		name string
		img  *image.NRGBA
		w, h int
	}{
		{"Icon(192)", Icon(192), 192, 192},
		{"Icon(512)", Icon(512), 512, 512},
		{"MaskableIcon(512)", MaskableIcon(512), 512, 512},
		{"AppleTouchIcon", AppleTouchIcon(), 180, 180},
		{"Favicon", Favicon(), 32, 32},
		{"OGImage", OGImage(), 1200, 630},
	}
	for _, c := range cases {
		if b := c.img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%s is %dx%d, want %dx%d", c.name, b.Dx(), b.Dy(), c.w, c.h)
		}
	}
}

// TestOpaque checks the images that platforms show without an alpha channel:
// iOS paints transparent apple-touch-icon pixels black, a maskable icon must
// be full-bleed, and social cards are usually flattened.
func TestOpaque(t *testing.T) {
	for name, img := range map[string]*image.NRGBA{
		"MaskableIcon(512)": MaskableIcon(512),
		"AppleTouchIcon":    AppleTouchIcon(),
		"OGImage":           OGImage(),
	} {
		if !img.Opaque() {
			t.Errorf("%s has transparent pixels", name)
		}
	}
}

// TestMaskableSafeZone checks that everything except the teal background of
// the maskable icon lies inside the central safe-zone circle (radius 40% of
// the side), so no platform mask can clip the artwork.
func TestMaskableSafeZone(t *testing.T) {
	const size = 512
	img := MaskableIcon(size)
	limit := safeZone * size
	c := size / 2.0
	artwork := 0
	for y := range size {
		for x := range size {
			if img.NRGBAAt(x, y) == teal {
				continue
			}
			artwork++
			// Measure to the pixel's farthest corner, not its centre, so
			// an anti-aliased edge pixel counts as outside if any of it is.
			dx := math.Abs(float64(x)+0.5-c) + 0.5
			dy := math.Abs(float64(y)+0.5-c) + 0.5
			if d := math.Hypot(dx, dy); d > limit {
				t.Fatalf("pixel (%d,%d) is artwork %v at %.1fpx from the centre, outside the %.1fpx safe zone",
					x, y, img.NRGBAAt(x, y), d, limit)
			}
		}
	}
	if artwork == 0 {
		t.Fatal("maskable icon has no artwork")
	}
}

// TestSVG checks the SVG is square and titled, and that it draws the same
// layers as the PNG icon.
func TestSVG(t *testing.T) {
	s := string(iconSVG())
	for _, want := range []string{`viewBox="0 0 512 512"`, "<title>", "</svg>"} {
		if !strings.Contains(s, want) {
			t.Errorf("icon.svg lacks %q", want)
		}
	}
	shapes := strings.Count(s, "<rect") + strings.Count(s, "<circle") + strings.Count(s, "<path")
	if got, want := shapes, len(iconLayers(512, 0.22, 1)); got != want {
		t.Errorf("icon.svg has %d shapes, want %d\n%s", got, want, s)
	}
}

// TestDeterministic renders twice: the committed files are only meaningful
// if the same code always gives the same bytes.
func TestDeterministic(t *testing.T) {
	for _, o := range outputs() {
		a, err := o.render()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := o.render()
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", o.name)
		}
	}
}

// TestCommittedFilesUpToDate fails when the drawing code has changed but the
// files in web/ were not regenerated (or were edited by hand).
func TestCommittedFilesUpToDate(t *testing.T) {
	const dir = "../../../web"
	for _, o := range outputs() {
		want, err := o.render()
		if err != nil {
			t.Fatalf("%s: %v", o.name, err)
		}
		got, err := os.ReadFile(filepath.Join(dir, o.name))
		if err != nil {
			t.Errorf("%s: %v; run `go run ./app/icons -out web` from the repository root", o.name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("web/%s is out of date with app/tools/icons; run `go run ./app/icons -out web` from the repository root", o.name)
		}
		// The committed PNGs must also decode to the declared size.
		if strings.HasSuffix(o.name, ".png") {
			cfg, err := png.DecodeConfig(bytes.NewReader(got))
			if err != nil {
				t.Errorf("web/%s: %v", o.name, err)
			} else if o.name == "og-image.png" && (cfg.Width != 1200 || cfg.Height != 630) {
				t.Errorf("web/og-image.png is %dx%d, want 1200x630", cfg.Width, cfg.Height)
			}
		}
	}
}

// TestPalettedRoundTrip checks that storing an image as paletted loses
// nothing: decoding the PNG must give back exactly the drawn pixels.
func TestPalettedRoundTrip(t *testing.T) {
	img := Icon(192)
	b, err := encodePNG(img)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for y := range 192 {
		for x := range 192 {
			want := img.NRGBAAt(x, y)
			r, g, bl, a := dec.At(x, y).RGBA()
			wr, wg, wb, wa := want.RGBA()
			if r != wr || g != wg || bl != wb || a != wa {
				t.Fatalf("pixel (%d,%d) decodes as %v, drew %v", x, y, dec.At(x, y), want)
			}
		}
	}
}
