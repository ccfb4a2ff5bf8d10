# make run   builds the WebAssembly and the server, then serves http://localhost:8000
# make test  runs every test: gofmt, go vet, staticcheck and deadcode (server and wasm), tsc,
#            go mod tidy -diff, unit, golden, HTML-validity and browser tests
# make static writes the static export to dist/ (EXPORTFLAGS="-base-url ... -base-path /x/")
# make bench  compares the server's throughput with a plain file server on loopback, then
#             the page on an emulated slow phone with a static baseline (app/tools/bench/README.md)
GO        ?= go
# The wasm is built without inlining except in the runtime: on Go's wasm
# output that trades raw bytes for brotli bytes, which are what a phone
# downloads (measured: 1.736 MB brotli with inlining, 1.640 MB without).
WASMFLAGS := -trimpath -ldflags="-s -w" -gcflags=all=-l -gcflags=runtime/...=
GOSRC     := $(shell find . -name '*.go' -not -path './node_modules/*' -not -path './.tools/*') go.mod go.sum
CONTENT   := $(wildcard content/*)

.PHONY: all build wasm server run test test-go vet jscheck lint tidy-check fmt-check clean static bench bench-tools

all: build

build: server

wasm: web/app.wasm web/app.wasm.br

# The client: the same main package, compiled for the browser, in a Go
# workspace that leaves go-app's server files (net/http, TLS), its
# encryption and github.com/google/uuid out of it. The workspace replaces
# them with stubs, for this build only; app/tools/wasmbuild says why and
# refuses a go-app version its stubs were not written for.
WASMWORK := .tools/wasmbuild/go.work
WASMENV  := GOWORK=$(CURDIR)/$(WASMWORK) GOOS=js GOARCH=wasm
$(WASMWORK): go.mod go.sum $(wildcard app/tools/wasmbuild/*.go app/tools/wasmbuild/*/*.go)
	$(GO) run ./app/tools/wasmbuild -out $(dir $@)

web/app.wasm: $(GOSRC) $(CONTENT) $(WASMWORK)
	$(WASMENV) $(GO) build $(WASMFLAGS) -o $@ .

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

vet: $(WASMWORK)
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./...

# Linters, pinned as Go tool dependencies in go.mod (go get -tool), for both
# builds. The wasm runs use the tools built for this machine (go tool -n
# prints their path), since GOOS=js would build them for the browser.
# deadcode reports functions the program, as shipped, never reaches: the
# server build must have none; the wasm build may not reach code that only
# the server calls in packages both share (the exceptions below).
STATICCHECK = $$($(GO) tool -n staticcheck)
DEADCODE    = $$($(GO) tool -n deadcode)
# app/ui/prerender.go: the server's prerender of the components.
# widget.Variants: the server prerenders every embed variant.
DEADCODE_WASM_OK := -e '^app/ui/prerender.go:' -e '^app/widget/widget.go:[0-9:]* unreachable func: Variants$$'
lint: $(WASMWORK)
	$(GO) tool staticcheck ./...
	$(WASMENV) $(STATICCHECK) ./...
	@out=$$($(GO) tool deadcode .); \
	if [ -n "$$out" ]; then echo "deadcode (server):"; echo "$$out"; exit 1; fi
	@out=$$($(WASMENV) $(DEADCODE) . | grep -v $(DEADCODE_WASM_OK)); \
	if [ -n "$$out" ]; then echo "deadcode (wasm):"; echo "$$out"; exit 1; fi

# go.mod and go.sum say exactly what the code imports.
tidy-check:
	$(GO) mod tidy -diff

# Front-end test tools from npm, installed under the project (git-ignored).
AXE := .tools/axe/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --prefix .tools/axe --no-save --no-audit --no-fund --loglevel=error axe-core@4.14.1
# The W3C Nu HTML Checker, run with the system's Java by app/server's tests.
VNU := .tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU):
	npm install --prefix .tools/vnu --no-save --no-audit --no-fund --loglevel=error vnu-jar@26.9.27

# TypeScript, only to type-check the page's scripts (// @ts-check): tsc
# reads web/*.js with the declarations in app/tools/jscheck and emits
# nothing.
TSC := .tools/typescript/node_modules/.bin/tsc
$(TSC):
	npm install --prefix .tools/typescript --no-save --no-audit --no-fund --loglevel=error typescript@5.9.3
jscheck: $(TSC)
	$(TSC) -p app/tools/jscheck/tsconfig.json

# The checks (gofmt, vet, linters, tidy, the scripts' types) run side by side with building the
# wasm and running the tests: they share no files, and the browser tests
# spend much of their time waiting on Chromium, not on the CPU. The time
# taken is printed at the end, after a notice (never a failure) when the
# content changed since the practice signed it off (explainer review).
test:
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory -j4 fmt-check vet lint tidy-check jscheck test-go; status=$$?; \
	if [ $$status -eq 0 ]; then $(GO) run -trimpath . review -status; fi; \
	echo "make test: $$(($$(date +%s) - start)) s, load average $$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"; \
	exit $$status

# The tests alone. The browser tests share one Chromium and run up to
# TESTPARALLEL at a time (go test -parallel); packages run side by side too.
TESTPARALLEL ?= 4
test-go: web/app.wasm web/app.wasm.br $(AXE) $(VNU)
	$(GO) test -count=1 -timeout 30m -parallel $(TESTPARALLEL) ./...

# The static site, with the same flags as the server plus -out.
EXPORTFLAGS ?=
static: build
	./bin/explainer export -out dist $(EXPORTFLAGS)

# Lighthouse for make bench, from npm, under the project (git-ignored).
LIGHTHOUSE := .tools/lighthouse/node_modules/.bin/lighthouse
bench-tools: $(LIGHTHOUSE)
$(LIGHTHOUSE):
	npm i -E --prefix .tools/lighthouse --no-audit --no-fund lighthouse@12.2.3

# The last version that started Go as soon as /fit loaded, rather than at
# the reader's first touch of the questionnaire (and whose pages named
# boot.js): checked out from git and built once under .tools/, so that make
# bench measures its time to interactive in the same run as today's.
BEFORE_REF := c15c6be7e6670ceb65f15cafd61c7db283a8e6c3
BEFORE     := .tools/before/bin/explainer
$(BEFORE):
	rm -rf .tools/before && git worktree prune
	git worktree add --detach .tools/before $(BEFORE_REF)
	$(MAKE) -C .tools/before build

# Go benchmarks, then a bounded loopback load run (Go client, 127.0.0.1
# only) against this server and a plain net/http file server of the same
# bytes; it prints requests per second and the ratio.
#
# Then app/tools/bench: Chromium with a mobile profile (4x CPU, 150 ms, 1.6 Mbit/s)
# prints, as median and range over the runs: / and /fit against two
# baselines (the article as a static page, and / with every script removed);
# the wasm's size breakdown; what a reader who only reads / receives (with
# Save-Data: no wasm; without: the wasm fetched after load, Go not started);
# on /fit the time from the first tapped Next to its answer, cold and warm,
# beside the time to interactive of the comparison version (BEFORE_REF); the
# worst input delay and longest task while a reader taps through the boot
# of /faq and /fit; Lighthouse mobile on /, /faq, /fit (-lighthouse-runs).
# Its results go to bench-results/. BENCHFLAGS="-runs 1 -only intent" for a
# quick look at one section (sizes,visits,reader,intent,delay,lighthouse).
# Last, app/tools/mountbench prints the calls into JavaScript and the time of
# the first mount of / and /faq at 4x CPU, static blocks as HTML against node
# by node.
BENCHFLAGS ?=
bench: build $(LIGHTHOUSE) $(BEFORE)
	$(GO) test -run '^$$' -bench . -benchtime 2000x ./app/server
	LOAD=1 $(GO) test -count=1 -run '^TestLoadAgainstPlainFileServer$$' -v ./app/server
	$(GO) run ./app/tools/bench -before $(BEFORE) $(BENCHFLAGS)
	$(GO) run ./app/tools/mountbench -runs 5


clean:
	rm -rf bin dist web/app.wasm web/app.wasm.*
