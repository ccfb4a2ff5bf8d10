# make run   builds the WebAssembly and the server, then serves http://localhost:8000
# make test  runs every test: gofmt, go vet (server and wasm), unit, golden and browser tests
# make static writes the static export to dist/ (EXPORTFLAGS="-base-url ... -base-path /x/")
# make bench  compares the server's throughput with a plain file server on loopback, then
#             the page on an emulated slow phone with a static baseline (see README, Performance)
GO        ?= go
# The wasm is built without inlining except in the runtime: on Go's wasm
# output that trades raw bytes for brotli bytes, which are what a phone
# downloads (measured: 1.736 MB brotli with inlining, 1.640 MB without).
WASMFLAGS := -trimpath -ldflags="-s -w" -gcflags=all=-l -gcflags=runtime/...=
GOSRC     := $(shell find . -name '*.go' -not -path './node_modules/*' -not -path './.tools/*') go.mod go.sum
CONTENT   := $(wildcard content/*)

.PHONY: all build wasm server run test vet fmt-check clean static bench bench-tools

all: build

build: server

wasm: web/app.wasm web/app.wasm.br

# The client: the same main package, compiled for the browser.
web/app.wasm: $(GOSRC) $(CONTENT)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $@ .

# Brotli (quality 11) and gzip variants of the wasm, made once per build:
# brotli's best setting takes about 25 s in pure Go, too long for start-up.
# The server checks they match app.wasm and compresses at start-up if not.
web/app.wasm.br: web/app.wasm
	$(GO) run -trimpath . compress web/app.wasm

# The server embeds web/, so it is built after the wasm.
server: bin/explainer

bin/explainer: web/app.wasm web/app.wasm.br $(GOSRC) $(CONTENT) $(wildcard web/*)
	$(GO) build -trimpath -o $@ .

run: build
	./bin/explainer -addr localhost:8000

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

# Front-end test tools from npm, installed under the project (git-ignored).
AXE := .tools/axe/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --prefix .tools/axe --no-save --no-audit --no-fund --loglevel=error axe-core@4.14.1

test: fmt-check vet web/app.wasm web/app.wasm.br $(AXE)
	$(GO) test -count=1 -timeout 30m ./...

# The static site, with the same flags as the server plus -out.
EXPORTFLAGS ?=
static: build
	./bin/explainer export -out dist $(EXPORTFLAGS)

# Lighthouse for make bench, from npm, under the project (git-ignored).
LIGHTHOUSE := .tools/lighthouse/node_modules/.bin/lighthouse
bench-tools: $(LIGHTHOUSE)
$(LIGHTHOUSE):
	npm i -E --prefix .tools/lighthouse --no-audit --no-fund lighthouse@12.2.3

# Go benchmarks, then a bounded loopback load run (Go client, 127.0.0.1
# only) against this server and a plain net/http file server of the same
# bytes; it prints requests per second and the ratio.
#
# Then app/bench: Chromium with a mobile profile (4x CPU, 150 ms, 1.6 Mbit/s)
# loads a static baseline page, / and /fit over cold runs, and prints the
# figures against the baseline, the wasm's size breakdown and Lighthouse's
# scores; results go to bench-results/. BENCHFLAGS="-runs 1" for a quick look.
BENCHFLAGS ?=
bench: build $(LIGHTHOUSE)
	$(GO) test -run '^$$' -bench . -benchtime 2000x ./app/server
	LOAD=1 $(GO) test -count=1 -run '^TestLoadAgainstPlainFileServer$$' -v ./app/server
	$(GO) run ./app/bench $(BENCHFLAGS)

clean:
	rm -rf bin dist web/app.wasm web/app.wasm.*
