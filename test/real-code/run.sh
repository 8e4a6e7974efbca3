#!/usr/bin/env bash
# The async- checks with default options on real coroutine code nobody here
# wrote: the C++20 coroutine examples Debian ships with asio (libasio-doc),
# Boost.Asio and Boost.Beast (libboost1.81-doc). Every file must compile,
# and the findings must be exactly those listed, each with its verdict, in
# expected-findings.txt: a new finding (or a lost one) fails the test until
# someone reads the code and labels it.
# Usage: test/real-code/run.sh AWAITLINT [EXPECTED]
set -euo pipefail
awaitlint=${1:?usage: run.sh AWAITLINT [EXPECTED]}
here=$(cd "$(dirname "$0")" && pwd)
expected=${2:-$here/expected-findings.txt}
asio_doc=/usr/share/doc/libasio-dev/examples
boost_doc=/usr/share/doc/libboost1.81-doc/examples/libs
for dir in "$asio_doc" "$boost_doc"; do
  [[ -d $dir ]] || { echo "real-code: $dir missing (scripts/bootstrap.sh installs libasio-doc and libboost1.81-doc)" >&2; exit 1; }
done

# Does not compile with clang and libstdc++ as shipped (uses std::list
# without including <list>).
excluded='advanced_server_flex_awaitable\.cpp$'
mapfile -t files < <(
  { grep -rl --include='*.cpp' co_await "$asio_doc" "$boost_doc/asio/example" "$boost_doc/beast/example" || true; } |
    grep -Ev "$excluded" | sort)
((${#files[@]} > 0)) || { echo "real-code: no coroutine examples found" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lint_one() {
  local file=$1 out
  out=$("$awaitlint" --checks='-*,async-*' "$file" -- -std=c++20 \
    -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1 \
    -I"$(dirname "$file")" -I"$boost_doc/beast" 2>&1) || true
  if grep -q ': error: ' <<<"$out"; then
    echo "COMPILE-ERROR $file"
    grep ': error: ' <<<"$out" | head -3
    return
  fi
  # file:line:col: [check] message, paths relative to the documentation root
  sed -nE 's#^/usr/share/doc/([^:]+):([0-9]+):([0-9]+): warning: (.*) \[(async-[a-z-]+)\]$#\1:\2:\3: [\5] \4#p' <<<"$out"
}
export -f lint_one
export awaitlint boost_doc
printf '%s\n' "${files[@]}" | xargs -P2 -I{} bash -c 'lint_one "$@"' _ {} >"$work/out.txt"

if grep -q '^COMPILE-ERROR' "$work/out.txt"; then
  echo "real-code: files that do not compile (the evaluation would be void):" >&2
  cat "$work/out.txt" >&2
  exit 1
fi
sort "$work/out.txt" >"$work/found.txt"
# Expected lines: "<finding> | TP|FP: reason"; comments start with '#'.
{ grep -v '^#' "$expected" | grep -v '^[[:space:]]*$' | sed 's/ | .*$//' || true; } | sort >"$work/want.txt"
echo "real-code: ${#files[@]} files with co_await, $(wc -l <"$work/found.txt") findings"
if ! diff -u "$work/want.txt" "$work/found.txt"; then
  echo "real-code: findings differ from $expected (+ new, - gone): label each new one there" >&2
  exit 1
fi
tp=$(grep -v '^#' "$expected" | grep -c ' | TP' || true)
fp=$(grep -v '^#' "$expected" | grep -c ' | FP' || true)
db=$(grep -v '^#' "$expected" | grep -c ' | DEBATABLE' || true)
echo "real-code: verdicts in $(basename "$expected"): $tp true, $fp false positives, $db debatable"
