#!/usr/bin/env bash
# Fuzzes front matter, the YAML data files (also with numbers at the edges spliced in), Markdown
# and the theme's templates and strings with libFuzzer (docs/reliability.md).
#
#   scripts/fuzz.sh [SECONDS]      default 60; the long run: scripts/fuzz.sh 3600
#
# The working corpus lives in .build/fuzz-corpus (seeded from content/ and the kept corpus);
# inputs that crash, hang or break a guarantee are written to Tests/Fixtures/fuzz/crashes,
# where the test suite replays them. `scripts/fuzz.sh --keep` merges the working corpus into the
# kept one (Tests/Fixtures/fuzz/corpus), smallest inputs that cover the most.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
keep=0
for argument in "$@"; do
  case "$argument" in
    --keep) keep=1 ;;
    *) seconds=$argument ;;
  esac
done
kept=Tests/Fixtures/fuzz/corpus
crashes=Tests/Fixtures/fuzz/crashes
work=.build/fuzz-corpus
mkdir -p "$kept" "$crashes" "$work"

# Coverage for libFuzzer with AddressSanitizer, and libFuzzer linked by hand: `-sanitize=fuzzer`
# would also give the build's own helper (the theme embedder) libFuzzer's main().
libfuzzer=$(ls /opt/swift/usr/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null \
  || ls "$(dirname "$(readlink -f "$(command -v swiftc)")")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
swift build -c release --product valgrund-fuzz --scratch-path .build/fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
  -Xswiftc -DFUZZING -Xlinker "$libfuzzer" -Xlinker -lstdc++
fuzzer=.build/fuzz/release/valgrund-fuzz

# Seeds: every content file of the sample site and the default theme's templates and Swedish
# strings, with the byte that says which kind of file it is (FuzzHarness.selectors).
ASAN_OPTIONS=detect_leaks=0 "$fuzzer" --write-seeds "$work"

ASAN_OPTIONS=detect_leaks=0 "$fuzzer" "$work" "$kept" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | tee .build/fuzz-last.log | grep -E "^#|stat::|ERROR|SUMMARY|Done" | tail -15

if [ "$keep" = 1 ]; then
  merged=$(mktemp -d)
  ASAN_OPTIONS=detect_leaks=0 "$fuzzer" -merge=1 "$merged" "$kept" "$work" >/dev/null 2>&1
  rm -rf "$kept" && mv "$merged" "$kept"
  echo "kept corpus: $(ls "$kept" | wc -l) inputs"
fi
