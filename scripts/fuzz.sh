#!/usr/bin/env bash
# Coverage-guided fuzzing of rokeh's harnesses (tests/fuzz.rs, src/server/page.rs) with
# cargo bolero (libFuzzer) on the nightly toolchain, each for FUZZ_SECONDS (default 60).
# Prints each harness's inputs run and failures, then the totals; exits non-zero if any
# harness failed (its crashing input is in tests/__fuzz__/<harness>/crashes/).
# New corpus inputs libFuzzer finds are kept in tests/__fuzz__/<harness>/corpus/.
set -uo pipefail
seconds=${FUZZ_SECONDS:-60}
targets=(${FUZZ_TARGETS:-receiver patch_json patch_events push_then_events inline_arrays tokens origins server::page::tests::no_path_reaches_outside_the_folder})
total_runs=0
failed=()
for target in "${targets[@]}"; do
    log=$(mktemp)
    # Inputs of up to 4 KiB; libFuzzer's own limits otherwise (10 s an input, 2 GiB).
    cargo bolero test -p rokeh --toolchain nightly -T "${seconds}s" -l 4096 "$target" >"$log" 2>&1
    status=$?
    runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+' || true)
    if [ -z "$runs" ]; then
        runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    fi
    runs=${runs:-0}
    total_runs=$((total_runs + runs))
    if [ $status -ne 0 ]; then
        failed+=("$target")
        echo "$target: $runs inputs, FAILED (exit $status); log:"
        tail -40 "$log"
    else
        echo "$target: $runs inputs, no failure"
    fi
    rm -f "$log"
    # Keep the corpus small: only inputs that add coverage (the hand-made seeds stay).
    seeds=$(mktemp -d)
    corpus=$(find tests/__fuzz__ src -path "*__fuzz__*" -type d -name corpus | grep -F "/${target//::/__}/" || true)
    [ -n "$corpus" ] && cp "$corpus"/seed-* "$seeds"/ 2>/dev/null
    cargo bolero reduce -p rokeh --toolchain nightly "$target" >/dev/null 2>&1 || true
    [ -n "$corpus" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null
    rm -rf "$seeds"
done
echo "fuzzing: ${#targets[@]} harnesses, $total_runs inputs run, ${#failed[@]} failed ${failed[*]:-}"
[ ${#failed[@]} -eq 0 ]
