//go:build wasm

package app

import "errors"

// This file stands in, in the browser build only, for go-app's crypto.go:
// encrypted state (PersistWithEncryption, Context.Encrypt and Decrypt)
// would link AES-GCM and the standard library's random number machinery,
// and the app stores nothing encrypted. Asking for it fails loudly.

var errNoEncryption = errors.New("encryption is left out of this app's browser build (app/tools/wasmbuild)")

func encrypt(key string, v []byte) ([]byte, error) { return nil, errNoEncryption }

func decrypt(key string, v []byte) ([]byte, error) { return nil, errNoEncryption }
