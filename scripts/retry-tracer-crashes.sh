#!/usr/bin/env bash
# Called by test.sh after a ctest run with failures, in a sanitizer build. LeakSanitizer's own
# tracer thread sometimes crashes while it checks a process for leaks at exit ("Tracer caught
# signal 11", "LeakSanitizer has encountered a fatal error"; google/sanitizers#1353): a test whose
# every case passed then fails without any finding. Such a test is run once more, alone; any
# other failure is a failure, and nothing is re-run.
# Usage: scripts/retry-tracer-crashes.sh BUILD_DIR
# Exits 0 only when every failed test was such a crash and passes when run again.
set -uo pipefail
build="$1"
log="$build/Testing/Temporary/LastTest.log"
failed_list="$build/Testing/Temporary/LastTestsFailed.log"
[ -f "$log" ] && [ -f "$failed_list" ] || exit 1

# The output ctest kept of one test: from its "N/M Test: name" line to its end-time line.
output_of() {
    awk -v name="$1" '
        /^[0-9]+\/[0-9]+ Test: / && $NF == name { inside = 1 }
        inside { print }
        inside && index($0, "\"" name "\" end time:") == 1 { exit }
    ' "$log"
}

names=()
while IFS=: read -r _ name; do
    [ -n "$name" ] || continue
    output="$(output_of "$name")"
    if ! grep -q "Tracer caught signal" <<<"$output" \
        || ! grep -q "LeakSanitizer has encountered a fatal error" <<<"$output" \
        || ! grep -Eq "^Totals: [0-9]+ passed, 0 failed" <<<"$output" \
        || grep -Eq "FAIL!|QFATAL|ERROR: AddressSanitizer|ERROR: LeakSanitizer: detected|runtime error:" <<<"$output"; then
        echo "==> $name failed with a finding or a failed case: not re-run."
        exit 1
    fi
    names+=("$name")
done <"$failed_list"
[ ${#names[@]} -gt 0 ] || exit 1

pattern="^($(IFS='|'; echo "${names[*]}"))\$"
echo "==> LeakSanitizer's tracer crashed at the exit of ${names[*]} after every case passed;"
echo "    running it once more."
cd "$build" && ctest --output-on-failure --no-tests=error -R "$pattern"
