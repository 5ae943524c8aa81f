# galley — build, test and demo.
#
#   make            optimised ./galley (-O2, no sanitizers)
#   make demo       install missing Debian packages (as root; else print the
#                   apt-get line), build, render samples/ to out/ (the
#                   stories, and the 8-page edition samples/oligo-news/edition.yaml)
#   make check      build and run every test; SANITIZE=1 for ASan + UBSan
#   make bench-quality  galley beside pdflatex and Typst on the bench articles
#                   (needs ../shared; the peers from ../shared/bench/peers/INSTALL.sh)
#   make install    PREFIX=/usr/local DESTDIR= : binary, man page, layouts,
#                   font configuration
#   make fuzz       libFuzzer targets (clang) in build/fuzz/; make fuzz-smoke
#                   runs each from its seeds in tests/fuzz/NAME/ (FUZZ_SECONDS)
#   make valgrind   unit tests and a corpus subset under valgrind memcheck
#   make bench-scale  time and peak memory per page at 1x, 4x, 16x the corpus
#   make bench      galley's speed and memory beside the floor program and
#                   pdflatex at sizes S, M, L (needs ../shared; installs
#                   pdflatex when run as root); writes out/bench.md

VERSION := 0.1.0
PREFIX ?= /usr/local
DATADIR = $(PREFIX)/share/galley
MANDIR = $(PREFIX)/share/man

# Debian 12 packages galley needs to build, run and test.
PACKAGES = build-essential pkg-config libglib2.0-dev libpango1.0-dev libcairo2-dev \
  libfontconfig-dev libfyaml-dev libmd4c-dev libgdk-pixbuf-2.0-dev libhyphen-dev \
  libpoppler-glib-dev librsvg2-dev \
  hyphen-en-us hyphen-de hyphen-fr hyphen-es \
  fonts-texgyre fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
  poppler-utils python3 libqpdf-dev qpdf ghostscript tmux
# Only for make fuzz, fuzz-smoke and valgrind (make deps installs them too).
ROBUSTNESS_PACKAGES = valgrind clang libclang-rt-14-dev

PKGS = pangocairo pangoft2 harfbuzz fontconfig libfyaml md4c gdk-pixbuf-2.0 glib-2.0 gmodule-2.0
# Loaded on first use by src/lazylibs.c (PDF and SVG ads; libqpdf when a PDF
# is finished), not linked: headers only, and the sonames to open.
LOADED_PKGS = poppler-glib librsvg-2.0 libqpdf
soname = $(shell objdump -p $$(pkg-config --variable=libdir $(1) 2>/dev/null)/$(2).so 2>/dev/null | \
  awk '/SONAME/ { print $$2 }')
POPPLER_GLIB_SONAME := $(call soname,poppler-glib,libpoppler-glib)
RSVG_SONAME := $(call soname,librsvg-2.0,librsvg-2)
QPDF_SONAME := $(call soname,libqpdf,libqpdf)

CC ?= cc
WARNINGS = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
BASE_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARNINGS) -DGALLEY_VERSION='"$(VERSION)"' \
  -DGALLEY_DATADIR='"$(DATADIR)"'

ifeq ($(SANITIZE),1)
BUILD = build/sanitize
OPT = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD = build/release
OPT = -O2 -g
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(LOADED_PKGS) 2>/dev/null) \
  $(if $(POPPLER_GLIB_SONAME),-DGALLEY_POPPLER_GLIB_SONAME='"$(POPPLER_GLIB_SONAME)"') \
  $(if $(RSVG_SONAME),-DGALLEY_RSVG_SONAME='"$(RSVG_SONAME)"') \
  $(if $(QPDF_SONAME),-DGALLEY_QPDF_SONAME='"$(QPDF_SONAME)"')
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS_ALL = $(BASE_CFLAGS) $(OPT) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lhyphen -lm
# the unit tests read galley's PDFs back through libqpdf themselves
TEST_LIBS := $(shell pkg-config --libs libqpdf 2>/dev/null)

ENGINE_SRC = $(filter-out src/main.c,$(wildcard src/*.c))
ENGINE_OBJ = $(ENGINE_SRC:src/%.c=$(BUILD)/%.o)
LIB = $(BUILD)/libgalley.a
BIN = $(BUILD)/galley
TEST_SRC = $(wildcard tests/unit/*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Each fuzz target also builds without libFuzzer, to replay its seeds and
# regression inputs in `make check`.
REPLAY_BIN = $(wildcard tests/fuzz/fuzz_*.c)
REPLAY_BIN := $(REPLAY_BIN:tests/fuzz/fuzz_%.c=$(BUILD)/tests/replay-%)

.PHONY: all demo demo-deps deps check unit-tests clean install golden-update bench-quality man \
  fuzz fuzz-smoke valgrind bench-scale bench
all: galley man

MAN = build/galley.1
man: $(MAN)

$(MAN): src/galley.1.in Makefile
	@mkdir -p build
	@sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@DATADIR@|$(DATADIR)|g' src/galley.1.in > $@

galley: $(BIN)
ifneq ($(SANITIZE),1)
	cp $(BIN) galley
endif

$(BUILD)/%.o: src/%.c src/*.h | $(BUILD)/deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(LIB): $(ENGINE_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BIN): $(BUILD)/main.o $(LIB)
	@echo "  LD $@"
	@$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< $(LIB) $(LDLIBS_ALL) $(TEST_LIBS)

$(BUILD)/tests/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS_ALL) -DFUZZ_NAME='"$*"' -Isrc -o $@ $< tests/fuzz/replay.c $(LIB) $(LDLIBS_ALL)

# Fails early, with the exact install line, when a package is missing.
$(BUILD)/deps-ok:
	@sh tests/deps.sh check $(PACKAGES)
	@mkdir -p $(BUILD) && touch $@

deps:
	@sh tests/deps.sh install $(PACKAGES) $(ROBUSTNESS_PACKAGES)

# The demo needs only what galley needs, not the fuzzing and valgrind tools.
demo-deps:
	@sh tests/deps.sh install $(PACKAGES)

demo: demo-deps galley
	@mkdir -p out
	./galley build -v --layout layouts/tabloid.yaml -o out/oligo-news.pdf --dump-boxes out/oligo-news.json samples/oligo-news/*.md
	./galley preview --layout layouts/tabloid.yaml --dpi 100 --pages 1 -o out/oligo-news-page-%d.png samples/oligo-news/*.md
	./galley build -v -o out/edition.pdf --dump-boxes out/edition.json samples/oligo-news/edition.yaml
	./galley preview --dpi 100 --pages 1 -o out/edition-front.png samples/oligo-news/edition.yaml
	@echo "demo: out/oligo-news.pdf, out/oligo-news-page-1.png, out/edition.pdf (8 pages) and out/edition-front.png"

unit-tests: $(TEST_BIN) $(REPLAY_BIN)

# The sanitizer build stops at the first error and reports leaks, except
# those tests/lsan.supp lists (memory libraries keep for the process).
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

check: $(BIN) $(TEST_BIN) $(REPLAY_BIN) $(MAN)
	@$(SANITIZER_ENV) GALLEY=$(BIN) BUILD=$(BUILD) MAN=$(MAN) sh tests/run.sh $(TEST_BIN)

# Not part of check: it needs ../shared and, for the comparison, the peers.
COMPOSER_BENCH = $(BUILD)/bench/composer_bench
$(COMPOSER_BENCH): tests/bench/composer_bench.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< $(LIB) $(LDLIBS_ALL)

# The default optimised build, never the sanitizer one.
bench:
	@$(MAKE) --no-print-directory SANITIZE= galley
	@sh tests/bench/speed.sh

bench-quality: galley $(COMPOSER_BENCH)
	@COMPOSER_BENCH=$(COMPOSER_BENCH) sh tests/bench/quality.sh

golden-update: $(BIN)
	@GALLEY=$(BIN) sh tests/golden.sh update

# ---- robustness: fuzzing, valgrind, scale ---------------------------------------
# Fuzz targets: tests/fuzz/fuzz_NAME.c each, linked with the engine built by
# clang with libFuzzer, ASan and UBSan. A new target is a new file there and
# a seed folder tests/fuzz/NAME/; nothing here changes.
FUZZ_BUILD = build/fuzz
FUZZ_CC = clang
# clang warns where gcc does not (an intended "..." MACRO concatenation);
# -Werror stays gcc's, so a clang-only warning does not stop the fuzzing.
FUZZ_OPT = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -Wno-error
FUZZ_CFLAGS = $(BASE_CFLAGS) $(FUZZ_OPT) $(PKG_CFLAGS) $(CFLAGS)
FUZZ_OBJ = $(ENGINE_SRC:src/%.c=$(FUZZ_BUILD)/%.o)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=$(FUZZ_BUILD)/fuzz-%)
FUZZ_SECONDS ?= 30

$(FUZZ_BUILD)/deps-ok:
	@sh tests/deps.sh check $(PACKAGES) $(ROBUSTNESS_PACKAGES)
	@mkdir -p $(FUZZ_BUILD) && touch $@

$(FUZZ_BUILD)/%.o: src/%.c src/*.h | $(FUZZ_BUILD)/deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC (fuzz) $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/libgalley.a: $(FUZZ_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(FUZZ_BUILD)/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_BUILD)/libgalley.a
	@echo "  LD (fuzz) $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(FUZZ_BUILD)/libgalley.a $(LDLIBS_ALL)

fuzz: $(FUZZ_BIN)

fuzz-smoke: $(FUZZ_BIN)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/smoke.sh $(FUZZ_BIN)

# Time and peak memory per page at 1x, 4x and 16x the corpus (minutes).
bench-scale: galley
	@GALLEY=./galley nice -n 10 sh tests/bench-scale.sh

# memcheck over the -O2 build (no sanitizers: valgrind cannot run beside them).
valgrind:
	@sh tests/deps.sh check $(ROBUSTNESS_PACKAGES)
	@$(MAKE) --no-print-directory SANITIZE= galley unit-tests
	@GALLEY=build/release/galley sh tests/valgrind.sh $(TEST_SRC:tests/unit/%.c=build/release/tests/%) \
	  $(REPLAY_BIN:$(BUILD)/%=build/release/%)

# Installs the binary of this build (SANITIZE=1 installs the sanitizer build).
install: $(BIN) $(MAN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/layouts $(DESTDIR)$(DATADIR)/fonts \
	  $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/galley
	install -m 644 $(MAN) $(DESTDIR)$(MANDIR)/man1/galley.1
	install -m 644 layouts/*.yaml layouts/*.txt $(DESTDIR)$(DATADIR)/layouts/
	install -m 644 fonts/fonts.conf $(DESTDIR)$(DATADIR)/fonts/

clean:
	rm -rf build galley out
