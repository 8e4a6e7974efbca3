#!/usr/bin/env bash
# Applies awaitlint's fix-its to the corpus files that have findings, one
# file at a time, and compiles each fixed file with its own compile command:
# what a team applying the fixes across a codebase would get. Every file is
# restored afterwards (also on failure or interrupt); the diffs are kept.
#
# Usage: test/real-code/corpus/fixes.sh [DIR] [FINDINGS] [OUT]
#   DIR       the corpus (default /work/corpus), with DIR/compile_commands.json
#   FINDINGS  run.sh's output (default DIR/findings.txt): its files with a
#             fixable check's warning are the ones fixed
#   OUT       where the diffs and compiler output go (default DIR/fixes)
# Environment:
#   FIX=--fix | --fix-notes   what to apply (default --fix-notes: every fix,
#                             also those left on a note)
#   CHECKS='-*,async-sequential-await,async-await-in-loop,async-await-late'
#   AWAITLINT=<repo>/build/bin/awaitlint
#   LIBCXX_INCLUDE=DIR        as for run.sh (the TUs built with -stdlib=libc++)
# Prints one line per file: the number of lines changed and whether the
# fixed file compiles; exits 1 if one does not.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
dir=${1:-/work/corpus}
[[ -d $dir ]] || { echo "fixes.sh: no corpus at $dir" >&2; exit 1; }
dir=$(cd "$dir" && pwd)
findings=${2:-$dir/findings.txt}
out=${3:-$dir/fixes}
fix=${FIX:---fix-notes}
checks=${CHECKS:-'-*,async-sequential-await,async-await-in-loop,async-await-late'}
awaitlint=${AWAITLINT:-$repo/build/bin/awaitlint}
libcxx=${LIBCXX_INCLUDE:-}
db=$dir/compile_commands.json
[[ -f $findings ]] || { echo "fixes.sh: no findings file $findings (run run.sh first)" >&2; exit 1; }
[[ -f $db ]] || { echo "fixes.sh: no $db" >&2; exit 1; }
[[ -x $awaitlint ]] || { echo "fixes.sh: no $awaitlint" >&2; exit 1; }
[[ $fix == --fix || $fix == --fix-notes ]] || { echo "fixes.sh: FIX must be --fix or --fix-notes" >&2; exit 2; }
mkdir -p "$out"

# Files (relative to DIR) with a warning of a check that offers fix-its.
mapfile -t files < <(grep -E '\[async-(sequential-await|await-in-loop|await-late)\]' "$findings" |
  cut -d: -f1 | sort -u)
((${#files[@]} > 0)) || { echo "fixes.sh: no fixable findings in $findings"; exit 0; }

backup=$(mktemp -d)
restore() {
  for f in "$backup"/*.orig; do
    [[ -e $f ]] || continue
    cp "$f" "$(cat "${f%.orig}.path")"
  done
  rm -rf "$backup"
}
trap restore EXIT

failed=0
n=0
for rel in "${files[@]}"; do
  file=$dir/$rel
  n=$((n + 1))
  cp "$file" "$backup/$n.orig"
  echo "$file" >"$backup/$n.path"
  extra=()
  entry=$(grep -F "\"file\": \"$file\"" "$db" | head -1)
  if [[ -n $libcxx && $entry == *-stdlib=libc++* ]]; then
    extra=(--extra-arg=-nostdinc++ "--extra-arg=-isystem$libcxx")
  fi
  "$awaitlint" --quiet "$fix" --checks="$checks" "${extra[@]}" -p "$dir" "$file" >"$out/$n.awaitlint.txt" 2>&1 || true
  diff -u "$backup/$n.orig" "$file" --label "a/$rel" --label "b/$rel" >"$out/$n.diff" || true
  changed=$(grep -c '^[-+][^-+]' "$out/$n.diff" || true)
  # The entry's own command, compiling only: -c becomes -fsyntax-only.
  mapfile -t compile < <(printf '%s\n' "$entry" | python3 -c '
import json, sys
entry = json.loads(sys.stdin.read().rstrip().rstrip(","))
args = entry.get("arguments") or entry["command"].split()
for a in args:
    print("-fsyntax-only" if a == "-c" else a)')
  if [[ -n $libcxx && $entry == *-stdlib=libc++* ]]; then
    compile+=(-nostdinc++ "-isystem$libcxx")
  fi
  if (cd "$(printf '%s\n' "$entry" | sed -nE 's/.*"directory": "([^"]+)".*/\1/p')" &&
      "${compile[@]}" >"$out/$n.compile.txt" 2>&1); then
    status=compiles
  else
    status="DOES NOT COMPILE (see $out/$n.compile.txt)"
    failed=1
  fi
  if ((changed == 0)); then status="unchanged (no fix-it), $status"; fi
  printf '%-70s %4d lines changed  %s\n' "$rel" "$changed" "$status"
  cp "$backup/$n.orig" "$file"
done
echo "fixes.sh: diffs in $out/*.diff (FIX=$fix)"
exit $failed
