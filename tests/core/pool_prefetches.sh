#!/bin/sh
# The pools' vector code must hold prefetch instructions. GCC deletes a call to a helper that
# only prefetches unless the helper is inlined first (a prefetch counts as no side effect, so
# the helper is pure and its unused call dead code): that once took every pool's prefetches
# without a sound, 3-5x on one thread (docs/performance.md). No timing here, the object code.
# Usage: pool_prefetches.sh OBJDUMP AR LIBRARY WORKDIR
set -eu
objdump=$1
ar=$2
library=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
mkdir -p "$4"
work=$(mktemp -d "$4/run.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
status=0
for isa in avx512 avx2; do
    member=pool_resize_$isa.cpp.o
    "$ar" x "$library" "$member"
    # To a file first: an objdump that fails must fail the test, not read as no prefetch.
    "$objdump" -d -C --no-show-raw-insn "$member" >"$member.s"
    for kind in maxPool avgPool; do
        # The prefetch instructions themselves (a tab before the mnemonic), not calls to a
        # function whose name holds the word.
        count=$(awk -v kind="$kind" '
            /^[0-9a-f]+ <.*>:$/ { inside = index($0, kind) > 0 }
            inside && /\tprefetch/ { n++ }
            END { print n + 0 }' "$member.s")
        echo "$isa $kind: $count prefetch instructions"
        if [ "$count" -eq 0 ]; then
            echo "FAIL: no prefetch in the $isa $kind code of $library" >&2
            status=1
        fi
    done
done
exit $status
