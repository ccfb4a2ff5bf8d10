# make run   builds the WebAssembly and the server, then serves http://localhost:8000
# make test  runs every test: gofmt, go vet (server and wasm), unit, golden and browser tests
GO        ?= go
WASMFLAGS := -trimpath -ldflags="-s -w"
GOSRC     := $(shell find . -name '*.go' -not -path './node_modules/*' -not -path './.tools/*') go.mod go.sum
CONTENT   := $(wildcard content/*)

.PHONY: all build wasm server run test vet fmt-check clean

all: build

build: server

wasm: web/app.wasm

# The client: the same main package, compiled for the browser.
web/app.wasm: $(GOSRC) $(CONTENT)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $@ .

# The server embeds web/, so it is built after the wasm.
server: bin/explainer

bin/explainer: web/app.wasm $(GOSRC) $(CONTENT) $(wildcard web/*)
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

test: fmt-check vet web/app.wasm $(AXE)
	$(GO) test -count=1 ./...

clean:
	rm -rf bin dist web/app.wasm web/app.wasm.*
