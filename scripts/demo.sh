#!/usr/bin/env bash
# The main job on the bundled example, the article's dashboard:
#  1. run it: three independent 100 ms calls, sequential vs when_all (virtual time);
#  2. lint it with awaitlint: async-sequential-await finds the sequential version;
#  3. apply the fix-it to a copy, compile and run it: the sequential version
#     now takes 100 ms too.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
cmake --preset default >/dev/null
cmake --build --preset default --target dashboard awaitlint >/dev/null

example=runtime/examples/dashboard.cpp
flags=(-std=c++20 -Iruntime/include)

echo "== 1. the example as written"
./build/bin/dashboard || true

echo
echo "== 2. awaitlint --checks='-*,async-*' $example"
./build/bin/awaitlint --quiet --warnings-as-errors='-*' --checks='-*,async-*' "$example" -- "${flags[@]}" 2>/dev/null || true

echo
echo "== 3. after awaitlint --fix (on a copy)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$example" "$work/dashboard.cpp"
./build/bin/awaitlint --quiet --warnings-as-errors='-*' --fix --checks='-*,async-*' "$work/dashboard.cpp" -- "${flags[@]}" >/dev/null 2>&1 || true
diff -u "$example" "$work/dashboard.cpp" | sed -n '3,$p' || true
clang++-22 "${flags[@]}" -O1 "$work/dashboard.cpp" -o "$work/dashboard"
"$work/dashboard" || true
