# reisregister - build, test and demo.
#
#   make          build build/reisregister
#   make test     install what is missing, build with ASan+UBSan, run every test
#   make demo     install what is missing, build, load examples/ into demo.db, serve it
#
# Sources are found by folder: every src/**/*.c except src/cli/main.c goes
# into the library that the binary and each test links. tests/unit/test_*.c
# is one cmocka program each; tests/fuzz/fuzz_*.c one libFuzzer driver each.

BUILD   ?= build
CC      ?= cc
PKGS    := sqlite3 libpq jansson libmicrohttpd libcmark libsodium libxml-2.0 xlsxwriter
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wno-format-nonliteral
OPT     ?= -O2 -g
SAN     ?=
CFLAGS_ALL  = $(CSTD) $(WARN) $(OPT) $(SAN) $(shell pkg-config --cflags $(PKGS)) -Isrc -I$(BUILD)/gen
LDLIBS_ALL  = $(shell pkg-config --libs $(PKGS)) -lstemmer -lm -lpthread

LIB_SRC   := $(filter-out src/cli/main.c,$(shell find src -name '*.c' | sort))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
GEN_DEPS  := $(shell find src -name '*.h')

.PHONY: all deps test unit demo clean fuzz assets
all: $(BUILD)/reisregister

deps:
	@sh scripts/deps.sh

# Front-end assets (NL Design System CSS) built from node_modules, if the
# web module wants them; see scripts/assets.sh.
assets:
	@if [ -x scripts/assets.sh ]; then sh scripts/assets.sh $(BUILD)/gen; fi

# The compiled-in stylesheet: assets.o follows the CSS it embeds.
$(BUILD)/gen/assets_data.h: web/site.css package-lock.json scripts/assets.sh | assets
	@sh scripts/assets.sh $(BUILD)/gen
	@touch $@
$(BUILD)/obj/src/web/assets.o: $(BUILD)/gen/assets_data.h

# The gazetteer (src/nl/places.c): scripts/places.mjs turns the data packages
# (npm, locked in package-lock.json; Debian iso-codes and wdutch) and the
# hand table data/places-nl.tsv into compact arrays; see docs/gazetteer.md.
PLACES_DEPS := scripts/places.mjs data/places-nl.tsv package-lock.json \
	$(wildcard /usr/share/iso-codes/json/iso_3166-[12].json \
		/usr/share/locale/nl/LC_MESSAGES/iso_3166-[12].mo \
		/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo /usr/share/dict/nederlands)
$(BUILD)/gen/places_data.c: $(PLACES_DEPS)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@node scripts/places.mjs $(BUILD)/gen
	@touch $@
$(BUILD)/obj/gen/places_data.o: $(BUILD)/gen/places_data.c src/nl/places_data.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@
LIB_OBJ += $(BUILD)/obj/gen/places_data.o

# The public bodies of the Netherlands (src/nl/bodies.c): scripts/bodies.mjs
# compiles data/bodies-nl.tsv (from TOOI) and data/bodies-nl-hand.tsv; see
# docs/bodies.md.
$(BUILD)/gen/bodies_data.c: scripts/bodies.mjs data/bodies-nl.tsv data/bodies-nl-hand.tsv
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@node scripts/bodies.mjs $(BUILD)/gen
	@touch $@
$(BUILD)/obj/gen/bodies_data.o: $(BUILD)/gen/bodies_data.c src/nl/bodies.h src/nl/bodies_data.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@
LIB_OBJ += $(BUILD)/obj/gen/bodies_data.o

# The world map of destinations (src/report/worldmap.h): scripts/worldmap.mjs
# projects and simplifies npm world-atlas (locked in package-lock.json).
$(BUILD)/gen/worldmap_data.c: scripts/worldmap.mjs package-lock.json
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@node scripts/worldmap.mjs $(BUILD)/gen
	@touch $@
$(BUILD)/obj/gen/worldmap_data.o: $(BUILD)/gen/worldmap_data.c src/report/worldmap.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@
LIB_OBJ += $(BUILD)/obj/gen/worldmap_data.o

$(BUILD)/obj/%.o: %.c $(GEN_DEPS) | assets
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libreisregister.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/reisregister: $(BUILD)/obj/src/cli/main.o $(BUILD)/libreisregister.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libreisregister.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libreisregister.a $(LDLIBS_ALL) $(shell pkg-config --libs cmocka)

unit: $(UNIT_BIN)

# make test: sanitizer build in build/asan, then every test, one summary line.
test: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" \
		build/asan/reisregister unit
	@$(MAKE) --no-print-directory fuzz
	@sh tests/run.sh build/asan build/fuzz

# libFuzzer drivers need clang: the library is compiled once with
# -fsanitize=fuzzer-no-link into build/fuzz/obj, then each driver links it.
FUZZ_CFLAGS = $(CSTD) -Wall -Wextra -Werror -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
	$(shell pkg-config --cflags $(PKGS)) -Isrc -Ibuild/asan/gen
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzz/obj/%.o) build/fuzz/obj/gen/places_data.o \
	build/fuzz/obj/gen/bodies_data.o build/fuzz/obj/gen/worldmap_data.o
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

build/fuzz/obj/%.o: %.c $(GEN_DEPS) | assets
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@clang $(FUZZ_CFLAGS) -c $< -o $@

build/fuzz/obj/gen/places_data.o: build/asan/gen/places_data.c src/nl/places_data.h
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@clang $(FUZZ_CFLAGS) -c $< -o $@

build/fuzz/obj/gen/bodies_data.o: build/asan/gen/bodies_data.c src/nl/bodies.h src/nl/bodies_data.h
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@clang $(FUZZ_CFLAGS) -c $< -o $@

build/fuzz/obj/gen/worldmap_data.o: build/asan/gen/worldmap_data.c src/report/worldmap.h
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@clang $(FUZZ_CFLAGS) -c $< -o $@

build/fuzz/libfuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	@ar rcs $@ $^

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libfuzz.a
	@echo "  FUZZ    $@"
	@clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< build/fuzz/libfuzz.a $(LDLIBS_ALL)

fuzz:
	@$(MAKE) --no-print-directory BUILD=build/asan assets build/asan/gen/places_data.c \
		build/asan/gen/bodies_data.c build/asan/gen/worldmap_data.c
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

demo: deps all
	@sh scripts/demo.sh $(BUILD)/reisregister

clean:
	rm -rf build
