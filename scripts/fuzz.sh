#!/usr/bin/env bash
# Fuzzes one source's clean + extract path (Sources/xiezuo-fuzz) with libFuzzer and
# AddressSanitizer for SECONDS (default 60), starting from the seeds and the saved
# regression inputs. A crash, sanitizer report, leak or slow input (over 10 s) fails the
# script; the input is kept under Tests/XiezuoCoreTests/Fuzz/Fixtures/, where
# FuzzRegressionTests replays it on every `swift test`.
#
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
fixtures=Tests/XiezuoCoreTests/Fuzz/Fixtures
scratch=.build-fuzz

swift build --product xiezuo-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
binary="$(swift build --product xiezuo-fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address \
    -Xswiftc -DFUZZING --show-bin-path)/xiezuo-fuzz"

# The working corpus grows as libFuzzer finds new coverage; it starts from the seeds and the
# saved fixtures, and is not kept (it lives under the ignored scratch directory).
corpus="$scratch/corpus"
rm -rf "$corpus" "$scratch/findings"
mkdir -p "$corpus" "$scratch/findings" "$fixtures"
cp seeds/* "$corpus/"
cp "$fixtures"/* "$corpus/" 2>/dev/null || true

set +e
# detect_leaks=0: the stages hold process-wide caches (OpenCC, the gazetteer) on purpose.
ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -artifact_prefix="$scratch/findings/" -print_final_stats=1 2>&1 | tee "$scratch/fuzz.log" | grep -E "^#|ERROR|SUMMARY|stat::|Done" | tail -n 20
status=${PIPESTATUS[0]}
set -e

found=0
for finding in "$scratch"/findings/*; do
    [ -e "$finding" ] || continue
    name="$(basename "$finding")"
    cp "$finding" "$fixtures/$name"
    echo "fuzz: kept $fixtures/$name as a regression fixture"
    found=1
done
if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    echo "fuzz: FAILED (libFuzzer exit $status); the full log is $scratch/fuzz.log"
    exit 1
fi
echo "fuzz: no crash, leak or slow input in ${seconds} s"
