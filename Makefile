# The two commands of README.md: `make run` and `make test`.

BUILDDIR ?= _build
MESON ?= meson
APP_ENV = GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILDDIR)/data VANKHO_LOCALEDIR=$(CURDIR)/$(BUILDDIR)/po
CLI = $(BUILDDIR)/src/cli/vankho-cli
DEFAULT_LIBRARY = $${XDG_DATA_HOME:-$$HOME/.local/share}/vankho/library.db

.PHONY: all deps build run test clean fuzz test-asan test-valgrind-ui bench bench-first-frame bench-recoll

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

# Fuzzing (tests/fuzz/README.md): a clang build of its own, the core
# instrumented for coverage, each target run for $(SECONDS) seconds on a copy
# of its seed corpus. Crashes land in $(FUZZ_BUILDDIR)/artifacts/<target>/.
FUZZ_BUILDDIR ?= _build-fuzz
SECONDS ?= 60
FUZZ_TARGETS = feed-parser html-text article-extractor opml importer \
               extractor search-query text feed-date fts-postings
SAN_ENV = VANKHO_TIMEOUT_FACTOR=5 CRASH_SAFETY_KILLS=5 G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:fast_unwind_on_malloc=0 \
          LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(FUZZ_BUILDDIR)/build.ninja:
	CC=clang $(MESON) setup $(FUZZ_BUILDDIR) -Dfuzzing=true \
	  -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dc_args=-fsanitize=fuzzer-no-link -Dui_tests=disabled

fuzz: $(FUZZ_BUILDDIR)/build.ninja
	@grep -q "subdir('fuzz')" tests/meson.build || \
	  { echo "tests/meson.build does not include tests/fuzz: add subdir('fuzz')"; exit 1; }
	$(MESON) compile -C $(FUZZ_BUILDDIR) $(addprefix tests/fuzz/fuzz-,$(FUZZ_TARGETS))
	@status=0; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILDDIR)/corpus/$$t $(FUZZ_BUILDDIR)/artifacts/$$t; \
	  log=$(FUZZ_BUILDDIR)/fuzz-$$t.log; \
	  $(SAN_ENV) $(FUZZ_BUILDDIR)/tests/fuzz/fuzz-$$t \
	    -max_total_time=$(SECONDS) -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILDDIR)/artifacts/$$t/ \
	    $(FUZZ_BUILDDIR)/corpus/$$t tests/fuzz/corpus/$$t >$$log 2>&1; \
	  rc=$$?; \
	  execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log); \
	  cov=$$(grep -o 'cov: [0-9]*' $$log | tail -1 | cut -d' ' -f2); \
	  ft=$$(grep -o 'ft: [0-9]*' $$log | tail -1 | cut -d' ' -f2); \
	  if [ $$rc -eq 0 ]; then r=ok; else r="FAILED (exit $$rc, see $$log)"; status=1; fi; \
	  printf '%-18s %10s execs  cov %6s  ft %6s  %s\n' $$t "$$execs" "$$cov" "$$ft" "$$r"; \
	done; exit $$status

# The whole suite under AddressSanitizer, LeakSanitizer and UBSan (the
# crash-safety test with 5 kills per command instead of 20). The UI
# tests run without LeakSanitizer: the full unwinder it needs here (Debian's
# GLib has no frame pointers) makes each exceed ten minutes under GTK, and
# the fast one cannot say who owns a leak. Their leaks are checked with
# valgrind instead (test-valgrind-ui; tests/RELIABILITY.md, section 2).
ASAN_BUILDDIR ?= _build-asan
UI_SAN_ENV = VANKHO_TIMEOUT_FACTOR=5 G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 \
             UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(ASAN_BUILDDIR)/build.ninja:
	$(MESON) setup $(ASAN_BUILDDIR) -Db_sanitize=address,undefined -Db_lundef=false

test-asan: $(ASAN_BUILDDIR)/build.ninja
	$(MESON) compile -C $(ASAN_BUILDDIR)
	$(SAN_ENV) $(MESON) test -C $(ASAN_BUILDDIR) --no-suite ui --print-errorlogs --timeout-multiplier=3
	$(UI_SAN_ENV) $(MESON) test -C $(ASAN_BUILDDIR) --suite ui --print-errorlogs --timeout-multiplier=3

# The UI tests under valgrind's leak checker, one at a time; a definite
# leak whose allocation has one of our frames fails the run.
test-valgrind-ui: build
	@status=0; for t in $(notdir $(wildcard tests/ui/test-*.c)); do t=$${t%.c}; \
	  log=$(BUILDDIR)/valgrind-$$t.log; \
	  VANKHO_TIMEOUT_FACTOR=20 G_SLICE=always-malloc G_DEBUG=gc-friendly GSETTINGS_BACKEND=memory \
	  NO_AT_BRIDGE=1 GTK_A11Y=none \
	  GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data VANKHO_LOCALEDIR=$(BUILDDIR)/po \
	  G_TEST_SRCDIR=$(CURDIR)/tests G_TEST_BUILDDIR=$(BUILDDIR)/tests \
	  xvfb-run -a -s '-screen 0 1280x800x24' valgrind --leak-check=full --show-leak-kinds=definite \
	    --num-callers=40 $(BUILDDIR)/tests/ui/$$t >$$log 2>&1 || { echo "$$t: FAILED (see $$log)"; status=1; continue; }; \
	  ours=$$(tools/valgrind-own-leaks $$log); \
	  if [ -n "$$ours" ]; then echo "$$t: leaks of ours:"; echo "$$ours"; status=1; \
	  else echo "$$t: no leak of ours ($$(grep -c 'definitely lost in' $$log) definite, all in system libraries)"; fi; \
	done; exit $$status

# Benchmarks (tests/bench/README.md): a corpus of BENCH_N generated articles,
# kept between runs, imported into a new library, then searched and listed.
# Prints one line per figure, 'name value unit', each beside its '_floor'.
BENCH_N ?= 100000
BENCH_DIR = $(BUILDDIR)/bench
BENCH_BIN = $(BUILDDIR)/tests/bench

# The app's first frame on the bench library, six starts: the first right
# after whatever ran before (cold), then the median of the other five
# (each start must print its figure, or no figure is given).
# Settings in memory, so that the bench leaves the user's alone.
bench-first-frame: build
	@if [ ! -f $(BENCH_DIR)/library-$(BENCH_N).db ]; then \
	   echo "bench-first-frame: no $(BENCH_DIR)/library-$(BENCH_N).db; run make bench first" >&2; exit 1; fi
	@run=""; [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] || run="xvfb-run -a"; \
	 times=""; for i in 1 2 3 4 5 6; do \
	   t=$$(GSETTINGS_BACKEND=memory $(APP_ENV) $$run $(BUILDDIR)/src/app/vankho --bench-startup \
	        --library $(BENCH_DIR)/library-$(BENCH_N).db 2>/dev/null | sed -n 's/^app_first_frame \([0-9.]*\) ms$$/\1/p'); \
	   if [ -z "$$t" ]; then echo "bench-first-frame: start $$i printed no figure" >&2; exit 0; fi; \
	   times="$$times $$t"; \
	 done; set -- $$times; \
	 echo "app_first_frame_cold $$1 ms"; shift; \
	 echo "app_first_frame $$(printf '%s\n' "$$@" | LC_ALL=C sort -n | sed -n 3p) ms"

# Recoll on the corpus and the queries of make bench (tests/bench/README.md);
# not part of make bench, as Recoll is not part of what make test installs.
bench-recoll: build
	@if [ ! -f $(BENCH_DIR)/library-$(BENCH_N).db ]; then \
	   echo "bench-recoll: no $(BENCH_DIR)/library-$(BENCH_N).db; run make bench first" >&2; exit 1; fi
	@tools/install-deps recollcmd python3-recoll
	@BENCH_SEARCH=$(BENCH_BIN)/bench-search /usr/bin/python3 tests/bench/bench-recoll.py \
	   $(BENCH_DIR)/library-$(BENCH_N).db $(BENCH_DIR)/corpus-$(BENCH_N)

bench: build
	@mkdir -p $(BENCH_DIR)
	@if [ ! -d $(BENCH_DIR)/corpus-$(BENCH_N) ]; then \
	  $(BENCH_BIN)/gen-corpus --count $(BENCH_N) --seed 1 --output $(BENCH_DIR)/corpus-$(BENCH_N).tmp && \
	  mv $(BENCH_DIR)/corpus-$(BENCH_N).tmp $(BENCH_DIR)/corpus-$(BENCH_N); \
	fi
	@echo "# $(BENCH_N) articles, $$(nproc) CPUs"
	@$(BENCH_BIN)/bench-import $(BENCH_DIR)/corpus-$(BENCH_N) $(BENCH_DIR)/library-$(BENCH_N).db
	@$(BENCH_BIN)/bench-search $(BENCH_DIR)/library-$(BENCH_N).db
	@$(BENCH_BIN)/bench-list $(BENCH_DIR)/library-$(BENCH_N).db
	@$(MAKE) --no-print-directory bench-first-frame
	@$(BENCH_BIN)/bench-extract || true
	@$(BENCH_BIN)/bench-feed-parse || true
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then $(BENCH_BIN)/bench-map-layer || true; \
	 elif command -v xvfb-run >/dev/null; then xvfb-run -a $(BENCH_BIN)/bench-map-layer || true; fi
