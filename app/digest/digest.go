// Package digest computes SHA-256 (FIPS 180-4) for the content's sign-off
// fingerprint. The browser build checks the fingerprint too, and the
// standard library's crypto/sha256 brings Go's FIPS module with it (AES,
// a random generator, self-tests): about 60 KB of brotli in the wasm for
// one hash of a few hundred kilobytes at start-up. This is the plain
// algorithm, checked against crypto/sha256 by the tests. It is a
// fingerprint of the site's own texts, not a security boundary.
package digest

import "math/bits"

// k are the first 32 bits of the fractional parts of the cube roots of
// the first 64 primes.
var k = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

// SHA256Hex returns the SHA-256 of b in lower-case hexadecimal.
func SHA256Hex(b []byte) string {
	h := [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
	// The message, a 1 bit, zeros, and its length in bits: a whole
	// number of 64-byte blocks.
	n := len(b)
	msg := make([]byte, (n+9+63)/64*64)
	copy(msg, b)
	msg[n] = 0x80
	bitLen := uint64(n) * 8
	for i := range 8 {
		msg[len(msg)-1-i] = byte(bitLen >> (8 * i))
	}
	var w [64]uint32
	for off := 0; off < len(msg); off += 64 {
		for i := range 16 {
			p := msg[off+4*i:]
			w[i] = uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
		}
		for i := 16; i < 64; i++ {
			s0 := bits.RotateLeft32(w[i-15], -7) ^ bits.RotateLeft32(w[i-15], -18) ^ w[i-15]>>3
			s1 := bits.RotateLeft32(w[i-2], -17) ^ bits.RotateLeft32(w[i-2], -19) ^ w[i-2]>>10
			w[i] = w[i-16] + s0 + w[i-7] + s1
		}
		a, b2, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
		for i := range 64 {
			t1 := hh + (bits.RotateLeft32(e, -6) ^ bits.RotateLeft32(e, -11) ^ bits.RotateLeft32(e, -25)) + (e&f ^ ^e&g) + k[i] + w[i]
			t2 := (bits.RotateLeft32(a, -2) ^ bits.RotateLeft32(a, -13) ^ bits.RotateLeft32(a, -22)) + (a&b2 ^ a&c ^ b2&c)
			hh, g, f, e, d, c, b2, a = g, f, e, d+t1, c, b2, a, t1+t2
		}
		for i, v := range [8]uint32{a, b2, c, d, e, f, g, hh} {
			h[i] += v
		}
	}
	const hexDigits = "0123456789abcdef"
	out := make([]byte, 0, 64)
	for _, v := range h {
		for s := 28; s >= 0; s -= 4 {
			out = append(out, hexDigits[v>>uint(s)&0xf])
		}
	}
	return string(out)
}
