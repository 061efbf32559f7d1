# The two commands of README.md: `make run` and `make test`.

BUILDDIR ?= _build
MESON ?= meson
APP_ENV = GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILDDIR)/data VANKHO_LOCALEDIR=$(CURDIR)/$(BUILDDIR)/po
CLI = $(BUILDDIR)/src/cli/vankho-cli
DEFAULT_LIBRARY = $${XDG_DATA_HOME:-$$HOME/.local/share}/vankho/library.db

.PHONY: all deps build run test clean

all: build

deps:
	@tools/install-deps

$(BUILDDIR)/build.ninja:
	$(MESON) setup $(BUILDDIR)

build: deps $(BUILDDIR)/build.ninja
	$(MESON) compile -C $(BUILDDIR)

run: build
	@if [ ! -e "$(DEFAULT_LIBRARY)" ]; then \
	  echo "First run: loading the sample articles into $(DEFAULT_LIBRARY)"; \
	  $(CLI) import --samples --quiet; \
	fi
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset)."; \
	  echo "Use the command line instead, for example:"; \
	  echo "  $(CLI) list"; \
	  echo "  $(CLI) search 'dang uy'"; \
	  echo "  $(CLI) --help"; \
	  echo "or run the window under Xvfb: xvfb-run -a make run"; \
	else \
	  $(APP_ENV) $(BUILDDIR)/src/app/vankho; \
	fi

test: build
	$(MESON) test -C $(BUILDDIR) --print-errorlogs

clean:
	rm -rf $(BUILDDIR)
