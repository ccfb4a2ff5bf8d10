// Command icons draws the app's icon set and social-sharing image and writes
// them into the web directory, where they are committed:
//
//	go run ./app/icons -out web
//
// The app must not fetch anything from another origin, and go-app's default
// icons are served from GitHub, so the project draws its own. Only the
// standard library is used: every shape is a simple geometric primitive with
// an inside test, rasterised with 4×4 supersampling for anti-aliasing, and the
// very same primitives are serialised as SVG, so icon.svg and the PNGs always
// agree.
//
// The mark is two equal, overlapping soft circles — two people in
// conversation, neither above the other — on a deep teal ground, with the
// shared space between them picked out in muted terracotta. The social card
// places the mark in the centre of warm paper, with faint concentric rings
// spreading from it to suggest depth.
//
// Output is deterministic (no randomness, no timestamps, integer
// compositing), so icons_test.go can check that the committed files match
// what this program produces now.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Palette. Teal is the theme colour; terracotta is used sparingly, only for
// the small shared area of the mark and one accent on the social card.
var (
	teal       = color.NRGBA{0x2f, 0x5d, 0x62, 0xff} // #2f5d62 deep teal
	paper      = color.NRGBA{0xfb, 0xf8, 0xf3, 0xff} // #fbf8f3 warm paper
	sand       = color.NRGBA{0xe9, 0xdc, 0xc9, 0xff} // #e9dcc9 soft sand
	terracotta = color.NRGBA{0xb8, 0x6b, 0x4b, 0xff} // #b86b4b muted terracotta
)

// Geometry of the mark in a unit square (0..1 on both axes, y down). The two
// circles reach at most markExtent from the centre, well inside the 0.4
// radius safe zone of a maskable icon, so one layout serves every icon.
const (
	markRadius = 0.205 // radius of each circle
	markOffset = 0.125 // horizontal distance of each circle's centre from the middle
	markExtent = markOffset + markRadius
	// markGap is the width of the teal hairline that separates the shared
	// lens from both circles, so they read as two figures leaning together
	// rather than a flat Venn diagram.
	markGap = 0.014
)

// safeZone is the radius, as a fraction of the icon's side, of the circle a
// maskable icon's artwork must stay inside (the central 80%).
const safeZone = 0.4

// output is one file the program writes.
type output struct {
	name   string
	render func() ([]byte, error)
}

// outputs lists every file, in the order they are written.
func outputs() []output {
	return []output{
		{"icon.svg", func() ([]byte, error) { return iconSVG(), nil }},
		{"icon-192.png", func() ([]byte, error) { return encodePNG(Icon(192)) }},
		{"icon-512.png", func() ([]byte, error) { return encodePNG(Icon(512)) }},
		{"icon-maskable-512.png", func() ([]byte, error) { return encodePNG(MaskableIcon(512)) }},
		{"apple-touch-icon.png", func() ([]byte, error) { return encodePNG(AppleTouchIcon()) }},
		{"favicon-32.png", func() ([]byte, error) { return encodePNG(Favicon()) }},
		{"og-image.png", func() ([]byte, error) { return encodePNG(OGImage()) }},
	}
}

func main() {
	out := flag.String("out", "web", "directory to write the icons into")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, o := range outputs() {
		b, err := o.render()
		if err != nil {
			log.Fatalf("%s: %v", o.name, err)
		}
		p := filepath.Join(*out, o.name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s\t%d bytes\n", p, len(b))
	}
}

// ---------------------------------------------------------------------------
// Shapes

// shape is a filled region in pixel coordinates. inside must be exact and
// cheap, as it is sampled 16 times per pixel; bounds limits the sampling to
// the pixels that can be touched; svg writes the same region as an SVG
// element whose fill (or stroke) is given by paint.
type shape interface {
	inside(x, y float64) bool
	bounds() (x0, y0, x1, y1 float64)
	svg(paint string) string
}

// sq returns x*x rounded to float64 before any following addition. The
// explicit conversion stops the compiler fusing it into a multiply-add on
// architectures that have one, so inside tests — and therefore the committed
// PNG bytes — are the same on every machine.
func sq(x float64) float64 { return float64(x * x) }

// circle is a filled disc.
type circle struct{ cx, cy, r float64 }

func (c circle) inside(x, y float64) bool {
	return sq(x-c.cx)+sq(y-c.cy) <= sq(c.r)
}

func (c circle) bounds() (x0, y0, x1, y1 float64) {
	return c.cx - c.r, c.cy - c.r, c.cx + c.r, c.cy + c.r
}

func (c circle) svg(paint string) string {
	return fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s" %s/>`, num(c.cx), num(c.cy), num(c.r), paint)
}

// ring is an annulus of the given stroke width centred on radius r.
type ring struct{ cx, cy, r, width float64 }

func (g ring) inside(x, y float64) bool {
	d := sq(x-g.cx) + sq(y-g.cy)
	return d >= sq(g.r-g.width/2) && d <= sq(g.r+g.width/2)
}

func (g ring) bounds() (x0, y0, x1, y1 float64) {
	o := g.r + g.width/2
	return g.cx - o, g.cy - o, g.cx + o, g.cy + o
}

func (g ring) svg(paint string) string {
	// A ring is painted as a stroke, so "fill" in paint becomes "stroke".
	paint = strings.ReplaceAll(paint, "fill", "stroke")
	return fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s" fill="none" stroke-width="%s" %s/>`,
		num(g.cx), num(g.cy), num(g.r), num(g.width), paint)
}

// roundRect is a rectangle with circular corners of radius r (0 for square).
type roundRect struct{ x, y, w, h, r float64 }

func (q roundRect) inside(x, y float64) bool {
	if x < q.x || y < q.y || x > q.x+q.w || y > q.y+q.h {
		return false
	}
	// Distance into the corner region, if any; outside the corners the
	// rectangle is simply full.
	cx := math.Max(q.x+q.r-x, x-(q.x+q.w-q.r))
	cy := math.Max(q.y+q.r-y, y-(q.y+q.h-q.r))
	if cx <= 0 || cy <= 0 {
		return true
	}
	return sq(cx)+sq(cy) <= sq(q.r)
}

func (q roundRect) bounds() (x0, y0, x1, y1 float64) {
	return q.x, q.y, q.x + q.w, q.y + q.h
}

func (q roundRect) svg(paint string) string {
	rx := ""
	if q.r > 0 {
		rx = fmt.Sprintf(` rx="%s"`, num(q.r))
	}
	return fmt.Sprintf(`<rect x="%s" y="%s" width="%s" height="%s"%s %s/>`,
		num(q.x), num(q.y), num(q.w), num(q.h), rx, paint)
}

// lens is the intersection of two overlapping circles whose centres lie on
// opposite sides of their common chord (true for the mark), so each edge is
// a minor arc.
type lens struct{ a, b circle }

func (l lens) inside(x, y float64) bool { return l.a.inside(x, y) && l.b.inside(x, y) }

func (l lens) bounds() (x0, y0, x1, y1 float64) {
	ax0, ay0, ax1, ay1 := l.a.bounds()
	bx0, by0, bx1, by1 := l.b.bounds()
	return math.Max(ax0, bx0), math.Max(ay0, by0), math.Min(ax1, bx1), math.Min(ay1, by1)
}

func (l lens) svg(paint string) string {
	// Standard two-circle intersection: p is the foot of the chord on the
	// line between centres, h half the chord's length.
	dx, dy := l.b.cx-l.a.cx, l.b.cy-l.a.cy
	d := math.Hypot(dx, dy)
	along := (sq(l.a.r) - sq(l.b.r) + sq(d)) / (2 * d)
	h := math.Sqrt(sq(l.a.r) - sq(along))
	px, py := l.a.cx+along*dx/d, l.a.cy+along*dy/d
	ux, uy := -dy/d, dx/d // unit vector along the chord
	sx, sy := px-h*ux, py-h*uy
	ex, ey := px+h*ux, py+h*uy
	// From the chord's start to its end along circle a, then back along
	// circle b; with this orientation both arcs turn clockwise (sweep 1).
	return fmt.Sprintf(`<path d="M%s %sA%s %s 0 0 1 %s %sA%s %s 0 0 1 %s %sZ" %s/>`,
		num(sx), num(sy), num(l.a.r), num(l.a.r), num(ex), num(ey),
		num(l.b.r), num(l.b.r), num(sx), num(sy), paint)
}

// num formats a coordinate compactly for SVG.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// layer is a shape painted in a colour; colour alpha is the layer's opacity.
type layer struct {
	s shape
	c color.NRGBA
}

// ---------------------------------------------------------------------------
// Scenes

// mark returns the two circles and their shared lens, centred at (cx, cy) and
// scaled so the unit design square has side size.
func mark(cx, cy, size float64) []layer {
	left := circle{cx - markOffset*size, cy, markRadius * size}
	right := circle{cx + markOffset*size, cy, markRadius * size}
	// The lens is drawn twice: full size in teal, then inset by the gap in
	// terracotta (the intersection of the circles shrunk by the gap is the
	// lens shrunk by the gap), leaving a teal outline inside the overlap.
	// At favicon size the gap would be half a pixel and blur into a muddy
	// edge, so it is never thinner than one pixel.
	g := max(markGap*size, 1)
	inL, inR := circle{left.cx, left.cy, left.r - g}, circle{right.cx, right.cy, right.r - g}
	return []layer{
		{left, paper},
		{right, sand},
		{lens{left, right}, teal},
		{lens{inL, inR}, terracotta},
	}
}

// iconLayers is the full icon: a teal tile with corner radius corner (as a
// fraction of size; 0 gives a full-bleed square) and the mark, scaled by
// markScale, on it.
func iconLayers(size, corner, markScale float64) []layer {
	ls := []layer{{roundRect{0, 0, size, size, corner * size}, teal}}
	return append(ls, mark(size/2, size/2, size*markScale)...)
}

// Icon is the ordinary app icon: a rounded tile with transparent corners.
func Icon(size int) *image.NRGBA {
	return render(size, size, iconLayers(float64(size), 0.22, 1))
}

// MaskableIcon fills the whole square, since the platform applies its own
// mask; the mark already lies inside the safe-zone circle.
func MaskableIcon(size int) *image.NRGBA {
	return render(size, size, iconLayers(float64(size), 0, 1))
}

// AppleTouchIcon is opaque and square: iOS rounds the corners itself and
// would show transparent corners as black.
func AppleTouchIcon() *image.NRGBA {
	return render(180, 180, iconLayers(180, 0, 1))
}

// Favicon enlarges the mark a little so the circles stay legible at 32px.
func Favicon() *image.NRGBA {
	return render(32, 32, iconLayers(32, 0.2, 1.15))
}

// OGImage is the 1200×630 social card: warm paper, the mark's tile in the
// centre, and concentric sand rings fading outwards like ripples in deep
// water, with a single small terracotta point on one of them.
func OGImage() *image.NRGBA {
	const w, h = 1200, 630
	const tile = 300.0
	cx, cy := w/2.0, h/2.0
	ls := []layer{{roundRect{0, 0, w, h, 0}, paper}}
	// Rings first, so the tile sits on top of them.
	const rings = 7
	for i := range rings {
		r := tile*0.78 + float64(i)*62
		c := sand
		// Fade linearly from full sand next to the tile to faint at the edge.
		c.A = uint8(255 - i*(255-50)/(rings-1))
		ls = append(ls, layer{ring{cx, cy, r, 3}, c})
	}
	// The accent sits on the second ring, up and to the right of the tile.
	r2 := tile*0.78 + 62
	ax, ay := cx+r2*0.8, cy-r2*0.6
	ls = append(ls, layer{circle{ax, ay, 9}, terracotta})
	ls = append(ls, layer{roundRect{cx - tile/2, cy - tile/2, tile, tile, 0.22 * tile}, teal})
	ls = append(ls, mark(cx, cy, tile)...)
	return render(w, h, ls)
}

// iconSVG writes the ordinary icon's layers as SVG on a 512 viewBox.
func iconSVG() []byte {
	const size = 512
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">`+"\n", size, size, size, size)
	b.WriteString("<title>Psychodynamic therapy explained</title>\n")
	for _, l := range iconLayers(size, 0.22, 1) {
		paint := fmt.Sprintf(`fill="#%02x%02x%02x"`, l.c.R, l.c.G, l.c.B)
		if l.c.A != 0xff {
			paint += fmt.Sprintf(` fill-opacity="%s"`, num(float64(l.c.A)/255))
		}
		b.WriteString(l.s.svg(paint))
		b.WriteString("\n")
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// ---------------------------------------------------------------------------
// Rasterising

// samples is the supersampling grid per axis: 4×4 = 16 coverage levels,
// plenty for flat shapes.
const samples = 4

// render paints layers in order onto a transparent w×h image. Coverage is the
// fraction of a pixel's 16 sample points inside the shape; compositing is
// premultiplied "over" in 16-bit integers so the result is exact and
// repeatable.
func render(w, h int, layers []layer) *image.NRGBA {
	// Premultiplied 16-bit accumulators, as in color.RGBA64.
	acc := make([][4]uint32, w*h)
	for _, l := range layers {
		x0, y0, x1, y1 := l.s.bounds()
		px0, py0 := max(0, int(math.Floor(x0))), max(0, int(math.Floor(y0)))
		px1, py1 := min(w, int(math.Ceil(x1))+1), min(h, int(math.Ceil(y1))+1)
		sr, sg, sb, sa := l.c.RGBA() // premultiplied, 0..0xffff
		for py := py0; py < py1; py++ {
			for px := px0; px < px1; px++ {
				n := uint32(0)
				for j := range samples {
					y := float64(py) + (float64(j)+0.5)/samples
					for i := range samples {
						x := float64(px) + (float64(i)+0.5)/samples
						if l.s.inside(x, y) {
							n++
						}
					}
				}
				if n == 0 {
					continue
				}
				const full = samples * samples
				a := sa * n / full
				d := &acc[py*w+px]
				inv := 0xffff - a
				d[0] = sr*n/full + d[0]*inv/0xffff
				d[1] = sg*n/full + d[1]*inv/0xffff
				d[2] = sb*n/full + d[2]*inv/0xffff
				d[3] = a + d[3]*inv/0xffff
			}
		}
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i, p := range acc {
		c := color.NRGBAModel.Convert(color.RGBA64{uint16(p[0]), uint16(p[1]), uint16(p[2]), uint16(p[3])}).(color.NRGBA)
		img.Pix[i*4+0], img.Pix[i*4+1], img.Pix[i*4+2], img.Pix[i*4+3] = c.R, c.G, c.B, c.A
	}
	return img
}

// encodePNG writes img with maximum compression. Flat artwork has few
// distinct colours, so when there are at most 256 it is stored as a paletted
// image, which is several times smaller than RGBA. The palette is ordered by
// first appearance, keeping the bytes deterministic.
func encodePNG(img *image.NRGBA) ([]byte, error) {
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	var buf bytes.Buffer
	if p := toPaletted(img); p != nil {
		if err := enc.Encode(&buf, p); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// toPaletted returns img as an exact paletted image, or nil if it has more
// than 256 colours.
func toPaletted(img *image.NRGBA) *image.Paletted {
	index := map[color.NRGBA]uint8{}
	var pal color.Palette
	b := img.Bounds()
	out := image.NewPaletted(b, nil)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.NRGBAAt(x, y)
			if c.A == 0 {
				c = color.NRGBA{} // all transparent pixels are the same colour
			}
			k, ok := index[c]
			if !ok {
				if len(pal) == 256 {
					return nil
				}
				k = uint8(len(pal))
				index[c] = k
				pal = append(pal, c)
			}
			out.Pix[out.PixOffset(x, y)] = k
		}
	}
	out.Palette = pal
	return out
}
