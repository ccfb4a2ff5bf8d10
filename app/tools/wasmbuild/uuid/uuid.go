// Package uuid stands in for github.com/google/uuid in the browser build,
// where go-app calls only NewString, to name a device and a tab's state
// channel. Those names need to be unique, not unpredictable, so the
// runtime's random generator (seeded from the browser's
// crypto.getRandomValues) serves, and the client links no crypto package,
// no big numbers and no JSON or SQL support for UUID values.
package uuid

import "math/rand/v2"

// NewString returns a random (version 4, RFC 9562) UUID in its 36-character
// form, as the package it replaces does.
func NewString() string {
	var b [16]byte
	for i := 0; i < len(b); i += 8 {
		v := rand.Uint64()
		for j := range 8 {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // the RFC's variant
	const digits = "0123456789abcdef"
	s := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s = append(s, '-')
		}
		s = append(s, digits[c>>4], digits[c&15])
	}
	return string(s)
}
