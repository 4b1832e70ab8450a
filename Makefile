# The README's two commands: `make demo` and `make test`.
GO ?= go
PKGS := ./...

.PHONY: test vet lint bench demo emulator fuzz fmt

## test: vet, then every test with the race detector, then the allocation
## tests, which are built without it (it changes allocation counts)
test: vet
	CGO_ENABLED=1 $(GO) test -race -count=1 $(PKGS)
	$(GO) test -count=1 -run '^TestAllocs' .

vet:
	$(GO) vet $(PKGS)

## lint: gofmt and go vet must be clean
lint: vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

fmt:
	gofmt -w $$(git ls-files '*.go')

## bench: every benchmark once, then the scenarios against the practical floor
## in BENCH_ROUNDS interleaved rounds, summed up by internal/cmd/benchtable
## (medians, ratios to the floor, the targets; it fails when one is missed)
BENCH_ROUNDS ?= 6
bench:
	$(GO) test -run '^$$' -bench . -skip '^BenchmarkScenario' -benchmem -count=1 $(PKGS)
	@mkdir -p .bench
	$(GO) test -c -o .bench/ionos.test .
	for i in $$(seq $(BENCH_ROUNDS)); do ./.bench/ionos.test -test.run '^$$' -test.bench '^BenchmarkScenario' -test.benchmem || exit 1; done > .bench/scenarios.txt
	$(GO) run ./internal/cmd/benchtable < .bench/scenarios.txt

## fuzz: a short run of each fuzz target
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseErrorBody -fuzztime 20s .
	$(GO) test -run '^$$' -fuzz FuzzParseRequestLocation -fuzztime 20s .
	$(GO) test -run '^$$' -fuzz FuzzDecodeResource -fuzztime 20s .
	$(GO) test -run '^$$' -fuzz FuzzDecodeAsEncodingJSON -fuzztime 20s .
	$(GO) test -run '^$$' -fuzz FuzzKubeconfigOf -fuzztime 20s .
	$(GO) test -run '^$$' -fuzz FuzzWrite -fuzztime 20s ./ionostest

## demo: the composite build against the in-process emulator
demo:
	$(GO) run ./examples/composite-build -emulate

## emulator: the standalone emulator on 127.0.0.1:8080
emulator:
	$(GO) run ./cmd/ionos-emulator
