# The two commands of the README: `make demo` and `make test`. Everything else is a step of those.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: demo test fuzz bootstrap build web clean

demo: build web
	./scripts/demo

test: build web
	./scripts/test

# The fuzz targets for longer than make test runs them (30 s each); FUZZ_SECONDS sets the time per target.
fuzz: build
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} ./scripts/fuzz

bootstrap:
	@./scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The web app's types are generated from the server's OpenAPI document, so the server is built first.
web: build
	cd web && KWM_BIN=$(abspath $(BUILD_DIR))/kwartiermaker npm run --silent build

clean:
	rm -rf $(BUILD_DIR) build-fuzz web/dist
