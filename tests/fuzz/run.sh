#!/usr/bin/env bash
# Builds the readers' fuzzer and runs it on each reader for SECONDS (default
# 20), seeded from real data (tests/fuzz/make_seeds.cpp). Any crash, sanitizer
# report, leak or timeout fails the run; the crashing input is kept in
# build/fuzz/findings as <reader>-crash-... To replay one:
#   BRIDGEWORK_FUZZ_READER=<reader> build/fuzz/tests/fuzz/fuzz_readers build/fuzz/findings/<file>
#   tests/fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
dir=build/fuzz
rm -rf "$dir/seeds" && "$dir/tests/fuzz/make_seeds" "$dir/seeds"
mkdir -p "$dir/findings" "$dir/corpus"
failed=0 passed=0
for reader in meta bucket backup command; do
  mkdir -p "$dir/corpus/$reader"
  log="$dir/fuzz_$reader.log"
  if BRIDGEWORK_FUZZ_READER=$reader "$dir/tests/fuzz/fuzz_readers" "$dir/corpus/$reader" "$dir/seeds/$reader" -max_total_time="$seconds" \
       -timeout=10 -rss_limit_mb=4096 -max_len=2000000 -artifact_prefix="$dir/findings/$reader-" >"$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || echo '?')
    echo "ok   $reader: $runs executions in ${seconds} s, no findings"
    passed=$((passed + 1))
  else
    echo "FAIL $reader: see $log"; tail -30 "$log"
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
