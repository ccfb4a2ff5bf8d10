// Package early yields as soon as the runtime, time and the packages they
// need are initialised: the task that finishes compiling the wasm and
// starts Go ends there. Import it for its side effect; see package startup.
package early

import "explainer/app/startup"

func init() { startup.Yield() }
