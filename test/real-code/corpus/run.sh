#!/usr/bin/env bash
# Runs awaitlint over every TU of the corpus that setup.sh laid out, two at a
# time (the machines have two cores), and writes the warnings sorted and
# without duplicates (a header's warning comes once per TU that includes
# it), paths relative to DIR:
#   path:line:col: warning: message [check]
# then prints the count per check and the CPU time spent.
#
# Usage: test/real-code/corpus/run.sh [DIR] [OUT]
#   DIR  the corpus (default /work/corpus), with DIR/compile_commands.json
#   OUT  the warnings (default DIR/findings.txt)
# Environment:
#   CHECKS='-*,async-*'           the --checks argument
#   AWAITLINT=<repo>/build/bin/awaitlint
#   JOBS=2
#   SUMMARIES=DIR  a first pass writes every TU's exception summary into DIR
#     (awaitlint --export-summaries), and the run reads them all
#     (--read-summaries), so async-unhandled-rejection sees into the
#     coroutines of other TUs (docs/checks/async/unhandled-rejection.md)
#   SUMMARY_PASSES=N  with SUMMARIES (default 1): each pass after the first
#     writes the summaries again while reading the previous pass's, so a
#     function calling into another file is known when that file's function
#     is (one more file deep per pass)
#   SUMMARIES_READY=1  with SUMMARIES: the summaries there are a current first
#     pass (a run of this same binary wrote them, and no summarised code
#     changed since): skip it (the further passes of SUMMARY_PASSES still run)
#   LIBCXX_INCLUDE=DIR   libc++'s header directory (.../include/c++/v1) for the TUs built with
#     -stdlib=libc++ (the bots), without installing libc++-22-dev, whose
#     cxxabi.h breaks the project's unit tests; unpack them with
#       apt-get download libc++-22-dev libc++abi-22-dev
#       for d in *.deb; do dpkg -x "$d" root; done
#     and set LIBCXX_INCLUDE=$PWD/root/usr/lib/llvm-22/include/c++/v1
set -euo pipefail

repo=$(cd "$(dirname "$0")/../../.." && pwd)
dir=${1:-/work/corpus}
[[ -d $dir ]] || { echo "run.sh: no corpus at $dir (run setup.sh first)" >&2; exit 1; }
dir=$(cd "$dir" && pwd)
out=${2:-$dir/findings.txt}
checks=${CHECKS:-'-*,async-*'}
awaitlint=${AWAITLINT:-$repo/build/bin/awaitlint}
jobs=${JOBS:-2}
db=$dir/compile_commands.json
[[ -x $awaitlint ]] || { echo "run.sh: no $awaitlint (build the default preset first)" >&2; exit 1; }
[[ -f $db ]] || { echo "run.sh: no $db (run setup.sh first)" >&2; exit 1; }

# setup.sh writes one entry per line, so the file names can be read without
# a JSON parser.
mapfile -t files < <(sed -nE 's/.*"file": "([^"]+)".*/\1/p' "$db")
((${#files[@]} > 0)) || { echo "run.sh: no TU in $db" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One TU: its output in $work/<n>.log, its CPU seconds (user+sys, from
# bash's time) in $work/<n>.time.
lint_one() {
  local n=$1 file=$2
  local TIMEFORMAT='%U %S'
  local extra=()
  [[ -z $summaries ]] || extra+=("--read-summaries=$summaries")
  if [[ -n $libcxx ]] && grep -F "\"file\": \"$file\"" "$db" | grep -q -- '-stdlib=libc++'; then
    extra+=(--extra-arg=-nostdinc++ "--extra-arg=-isystem$libcxx")
  fi
  { time "$awaitlint" --quiet --checks="$checks" "${extra[@]}" -p "$dir" "$file" >"$work/$n.log" 2>&1 || true; } 2>"$work/$n.time"
}
export -f lint_one
libcxx=${LIBCXX_INCLUDE:-}
[[ -z $libcxx || -f $libcxx/vector ]] || { echo "run.sh: LIBCXX_INCLUDE=$libcxx holds no libc++ headers" >&2; exit 1; }
summaries=${SUMMARIES:-}
# The first pass of SUMMARIES: each TU's summary, nothing reported.
summarise_one() {
  local file=$1
  local extra=()
  [[ -z ${previous:-} ]] || extra+=("--read-summaries=$previous")
  if [[ -n $libcxx ]] && grep -F "\"file\": \"$file\"" "$db" | grep -q -- '-stdlib=libc++'; then
    extra+=(--extra-arg=-nostdinc++ "--extra-arg=-isystem$libcxx")
  fi
  "$awaitlint" --quiet --checks='-*,async-unhandled-rejection' --warnings-as-errors='-*' \
    "--export-summaries=$target" "${extra[@]}" -p "$dir" "$file" >/dev/null 2>&1 || true
}
export -f summarise_one
export awaitlint checks dir work db libcxx summaries
# One pass: every TU's summary into $1, reading the summaries in $2 (none in
# the first pass).
summary_pass() {
  target=$1 previous=$2
  export target previous
  # shellcheck disable=SC2016 # $1 expands in the child shell
  printf '%s\n' "${files[@]}" | xargs -d '\n' -n1 -P"$jobs" bash -c 'summarise_one "$1"' _
}

echo "run.sh: ${#files[@]} TUs, checks '$checks', $jobs jobs"
start=$SECONDS
passes=${SUMMARY_PASSES:-1}
[[ $passes =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: SUMMARY_PASSES=$passes is not a positive number" >&2; exit 1; }
if [[ -n $summaries && -n ${SUMMARIES_READY:-} ]]; then
  [[ -d $summaries ]] || { echo "run.sh: SUMMARIES_READY but no $summaries" >&2; exit 1; }
  summaries=$(cd "$summaries" && pwd)
  echo "run.sh: reading the summaries already in $summaries as pass 1"
elif [[ -n $summaries ]]; then
  rm -rf "$summaries" && mkdir -p "$summaries"
  summaries=$(cd "$summaries" && pwd)
  summary_pass "$summaries" ''
  echo "run.sh: summaries of ${#files[@]} TUs in $summaries, $((SECONDS - start)) s"
fi
# Each further pass reads the last one's summaries and writes new ones
# beside them, which then replace them.
for ((pass = 2; pass <= passes && ${#summaries} > 0; pass++)); do
  rm -rf "$summaries.next" && mkdir -p "$summaries.next"
  summary_pass "$summaries.next" "$summaries"
  changed=0
  for f in "$summaries.next"/*.awlsum; do cmp -s "$f" "$summaries/${f##*/}" || changed=$((changed + 1)); done
  cp "$summaries.next"/*.awlsum "$summaries"/ && rm -rf "$summaries.next"
  echo "run.sh: summary pass $pass: $changed of ${#files[@]} summaries changed, $((SECONDS - start)) s"
done
# shellcheck disable=SC2016 # $1 and $2 expand in the child shell
for i in "${!files[@]}"; do printf '%s\n%s\n' "$i" "${files[i]}"; done |
  xargs -d '\n' -n2 -P"$jobs" bash -c 'lint_one "$1" "$2"' _
wall=$((SECONDS - start))

# A TU that does not compile has no meaningful findings: name it.
failed=0
for i in "${!files[@]}"; do
  if grep -q ': error: ' "$work/$i.log"; then
    echo "run.sh: compile errors in ${files[i]}:" >&2
    grep -m3 ': error: ' "$work/$i.log" | sed 's/^/    /' >&2
    failed=$((failed + 1))
  fi
done

cat "$work"/*.log |
  grep -E '^[^ ]+:[0-9]+:[0-9]+: warning: .* \[[^]]+\]$' |
  sed "s#^$dir/##" |
  LC_ALL=C sort -u >"$out" || true

echo "run.sh: $(wc -l <"$out") warnings in $out"
sed -nE 's/.* \[([^]]+)\]$/\1/p' "$out" | sort | uniq -c | sort -rn
cat "$work"/*.time | awk -v wall="$wall" '{ cpu += $1 + $2 }
  END { printf "run.sh: CPU time %.0f s (%.1f min), wall %d s\n", cpu, cpu / 60, wall }'
if ((failed > 0)); then
  echo "run.sh: $failed TUs did not compile: their findings are missing" >&2
  exit 1
fi
