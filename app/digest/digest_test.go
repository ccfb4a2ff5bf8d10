package digest

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// Every length around the block and padding boundaries, and random
// contents, hash as crypto/sha256 hashes them.
func TestSHA256HexMatchesTheStandardLibrary(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		want := sha256.Sum256(b)
		if got := SHA256Hex(b); got != hex.EncodeToString(want[:]) {
			t.Fatalf("%d bytes: %s, want %x", n, got, want)
		}
	}
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = byte(i * 7)
	}
	want := sha256.Sum256(big)
	if got := SHA256Hex(big); got != hex.EncodeToString(want[:]) {
		t.Fatalf("1 MiB: %s, want %x", got, want)
	}
	// The published value for "abc" (FIPS 180-4's example).
	if got := SHA256Hex([]byte("abc")); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf(`"abc": %s`, got)
	}
}
