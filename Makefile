# Clwstwr: the two commands of the README's Quick start, and a few more.
#
#   make run          install what is missing, build, open the app on demo data
#   make check        install what is missing, build with warnings as errors, run every test
#   make bench        build optimised and print the benchmark table
#   make screenshots  take screenshots of the main screens into docs/screenshots/,
#                     and in Welsh into docs/screenshots/cy/
#   make deps         only install the missing Debian packages

MESON      ?= meson
BUILD      ?= _build
CHECKBUILD ?= _build-check
BENCHBUILD ?= _build-release
DEMO_DB    ?= $(BUILD)/demo/clwstwr-demo.db

.PHONY: all deps build run check bench screenshots pot update-po clean

all: build

deps:
	@build-aux/install-deps.sh

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD) --buildtype=debugoptimized

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

$(DEMO_DB):
	mkdir -p $(dir $(DEMO_DB))
	$(BUILD)/src/cli/clwstwr-cli --db $(DEMO_DB) demo

run: build $(DEMO_DB)
	CLWSTWR_UNINSTALLED=1 GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/src/gui/clwstwr $(DEMO_DB)

$(CHECKBUILD)/build.ninja:
	$(MESON) setup $(CHECKBUILD) --buildtype=debug -Dwerror=true

check: deps $(CHECKBUILD)/build.ninja
	$(MESON) compile -C $(CHECKBUILD)
	$(MESON) test -C $(CHECKBUILD) --print-errorlogs --num-processes 2

$(BENCHBUILD)/build.ninja:
	$(MESON) setup $(BENCHBUILD) --buildtype=release

bench: deps $(BENCHBUILD)/build.ninja
	$(MESON) compile -C $(BENCHBUILD)
	build-aux/with-xvfb.sh $(BENCHBUILD)/bench/clw-bench

screenshots: build
	build-aux/with-xvfb.sh build-aux/screenshots.sh $(BUILD) docs/screenshots
	LANGUAGE=cy build-aux/with-xvfb.sh build-aux/screenshots.sh $(BUILD) docs/screenshots/cy

pot: build
	$(MESON) compile -C $(BUILD) clwstwr-pot

update-po: build
	$(MESON) compile -C $(BUILD) clwstwr-update-po

clean:
	rm -rf $(BUILD) $(CHECKBUILD) $(BENCHBUILD)
