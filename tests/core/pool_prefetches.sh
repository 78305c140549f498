#!/bin/sh
# The pools' vector code must hold prefetch instructions. GCC deletes a call to a helper that
# only prefetches unless the helper is inlined first (a prefetch counts as no side effect, so
# the helper is pure and its unused call dead code): that once took every pool's prefetches
# without a sound, 3-5x on one thread (docs/performance.md). No timing here, the object code.
# Usage: pool_prefetches.sh OBJDUMP AR LIBRARY WORKDIR
set -eu
objdump=$1
ar=$2
library=$3
work=$4
mkdir -p "$work"
cd "$work"
status=0
for isa in avx512 avx2; do
    member=pool_resize_$isa.cpp.o
    "$ar" x "$library" "$member"
    for kind in maxPool avgPool; do
        count=$("$objdump" -d -C --no-show-raw-insn "$member" | awk -v kind="$kind" '
            /^[0-9a-f]+ <.*>:$/ { inside = index($0, kind) > 0 }
            inside && /prefetch/ { n++ }
            END { print n + 0 }')
        echo "$isa $kind: $count prefetch instructions"
        if [ "$count" -eq 0 ]; then
            echo "FAIL: no prefetch in the $isa $kind code of $library" >&2
            status=1
        fi
    done
done
exit $status
