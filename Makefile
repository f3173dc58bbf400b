# Zhixing: `make run` and `make check` do all the set-up on a fresh Debian 12 machine.
BUILD    ?= build
SANITIZE ?=
DB       ?= $(HOME)/.local/share/zhixing/zhixing.db

# Debian packages needed to build and run; check adds the display server for UI tests.
RUN_DEPS   = build-essential meson ninja-build pkg-config gettext \
             libglib2.0-dev libglib2.0-bin libgtk-4-dev libjson-glib-dev libsqlite3-dev \
             sqlite3 desktop-file-utils appstream fonts-noto-cjk locales
CHECK_DEPS = $(RUN_DEPS) xvfb xauth poppler-utils

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps check-deps setup build run check bench sanitize clean

all: build

# Installs only what is missing (dpkg-query), so a second run costs nothing.
deps:
	@./tools/install-deps.sh $(RUN_DEPS)

check-deps:
	@./tools/install-deps.sh $(CHECK_DEPS)

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(if $(SANITIZE),-Db_sanitize=$(SANITIZE) -Db_lundef=false)

setup: $(BUILD)/build.ninja

build: deps setup
	ninja -C $(BUILD)

# Opens the app on the local default database, creating it with demo data on first run. From the
# build tree: its translations and its compiled GSettings schema.
run: build
	ZHIXING_LOCALEDIR=$(abspath $(BUILD))/po GSETTINGS_SCHEMA_DIR=$(abspath $(BUILD))/data \
	  $(BUILD)/ui/zhixing

check: check-deps setup
	ninja -C $(BUILD)
	xvfb-run -a -s '-screen 0 1600x1000x24' meson test -C $(BUILD) --print-errorlogs --num-processes 2

# Sanitizer build of the whole suite: make sanitize
sanitize:
	$(MAKE) check BUILD=build-asan SANITIZE=address,undefined

bench: build
	./tests/bench/run-bench.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-asan
