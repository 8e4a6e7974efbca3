#!/usr/bin/env bash
# awaitlint-ci on the sample project (three TUs sharing a header): outputs,
# exit codes, header findings once, baselines that survive inserted lines,
# shards that add up to the whole run, and clear errors on bad input.
#
# Usage: ci_lint_test.sh AWAITLINT-CI AWAITLINT AWL-INCLUDE WORKDIR
set -euo pipefail
ci=$1 driver=$2 awl_include=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"

# expect_exit CODE CMD...: runs CMD, output in $work/out.txt and err.txt.
expect_exit() {
  local want=$1 got=0
  shift
  "$@" >"$work/out.txt" 2>"$work/err.txt" || got=$?
  [[ $got == "$want" ]] || { cat "$work/out.txt" "$work/err.txt" >&2; fail "exit $got, expected $want: $*"; }
}

rm -rf "$work"
mkdir -p "$work/build"
# The sample has its own .clang-tidy, so a parent one does not apply.
cp -r "$here/sample" "$work/sample"
src=$work/sample
write_db "$src" "$work/build" "$awl_include"
lint() { (cd "$src" && "$ci" --awaitlint "$driver" -p "$work/build" -j2 --header-filter='.*/shop/.*' "$@"); }

# --- text, exit codes, a header's finding once --------------------------------
expect_exit 1 lint --format text --format github:"$work/github.txt" --format sarif:"$work/full.sarif"
grep -c ': warning: ' "$work/out.txt" | grep -qx 5 || fail "expected 5 warnings:
$(cat "$work/out.txt")"
[[ $(grep -c '^include/shop/backends.hpp:31:22: warning: 2 independent co_await' "$work/out.txt") == 1 ]] ||
  fail "the header's finding must come once (3 TUs include it)"
for want in 'src/orders.cpp:9:11: warning: .*\[async-sequential-await\]' \
  'src/catalog.cpp:11:22: warning: .*\[async-await-in-loop\]' \
  'src/main.cpp:13:3: warning: .*\[async-unhandled-rejection\]' \
  'src/orders.cpp:10:11: note: independent co_await 2 of 2'; do
  grep -q "$want" "$work/out.txt" || fail "missing: $want"
done
grep -q '3 TU(s), 5 finding(s)' "$work/err.txt" || fail "summary: $(cat "$work/err.txt")"
expect_exit 0 lint --exit-code 0
# Only the TUs a path regex selects.
expect_exit 1 lint 'orders\.cpp$'
grep -q '1 TU(s), 2 finding(s)' "$work/err.txt" || fail "path filter: $(cat "$work/err.txt")"
expect_exit 1 lint --exclude 'main\.cpp$'
grep -q '2 TU(s), 3 finding(s)' "$work/err.txt" || fail "--exclude: $(cat "$work/err.txt")"

# --- GitHub annotations ---------------------------------------------------------
[[ $(grep -c '^::warning file=' "$work/github.txt") == 5 ]] || fail "5 annotations expected:
$(cat "$work/github.txt")"
grep -q '^::warning file=src/orders.cpp,line=9,col=11,title=async-sequential-await::2 independent co_await .*%0Asrc/orders.cpp:9: independent co_await 1 of 2' "$work/github.txt" ||
  fail "annotation format: $(cat "$work/github.txt")"

# --- SARIF (structure here; the validator in its own test) ---------------------
python3 - "$work/full.sarif" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0", log["version"]
run = log["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert rules == sorted(["async-await-in-loop", "async-sequential-await", "async-unhandled-rejection"]), rules
results = run["results"]
assert len(results) == 5, len(results)
for r in results:
    assert rules[r["ruleIndex"]] == r["ruleId"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uriBaseId"] == "SRCROOT"
    assert not loc["artifactLocation"]["uri"].startswith("/"), loc
    assert len(r["partialFingerprints"]["awaitlint/v1"]) == 32
first = results[0]
assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "include/shop/backends.hpp"
assert [n["message"]["text"] for n in first["relatedLocations"]] == [
    "independent co_await 1 of 2", "independent co_await 2 of 2"], first
assert run["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/sample/")
assert run["invocations"][0]["executionSuccessful"] is True
print("sarif structure ok")
EOF

# --- baseline --------------------------------------------------------------------
expect_exit 0 lint --write-baseline "$work/baseline.json"
grep -q '5 finding(s) recorded' "$work/err.txt" || fail "baseline: $(cat "$work/err.txt")"
# Unrelated edits above the findings: every finding keeps its fingerprint.
for f in "$src/src/orders.cpp" "$src/include/shop/backends.hpp" "$src/src/main.cpp"; do
  { printf '// An unrelated edit\n// shifts every line\n\n'; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
done
expect_exit 0 lint --baseline "$work/baseline.json"
grep -q '5 finding(s), 0 new' "$work/err.txt" || fail "after inserting lines: $(cat "$work/err.txt")"
[[ ! -s $work/out.txt ]] || fail "no finding should be printed: $(cat "$work/out.txt")"
# A new finding is the only one reported.
cat >>"$src/src/orders.cpp" <<'EOF'

namespace shop {
awl::Promise<int> orders_of_three(int a, int b, int c) {
  int x = co_await get_orders(a);
  int y = co_await get_orders(b);
  int z = co_await get_orders(c);
  co_return x + y + z;
}
}  // namespace shop
EOF
expect_exit 1 lint --baseline "$work/baseline.json"
grep -q '6 finding(s), 1 new' "$work/err.txt" || fail "new finding: $(cat "$work/err.txt")"
[[ $(grep -c ': warning: ' "$work/out.txt") == 1 ]] && grep -q '^src/orders.cpp:.*3 independent co_await' "$work/out.txt" ||
  fail "only the new finding: $(cat "$work/out.txt")"
# The same finding twice in one file (identical lines): both fingerprints
# are distinct, so a copy of a known finding is new.
python3 - "$work/baseline.json" <<'EOF'
import json, sys
fps = [f["fingerprint"] for f in json.load(open(sys.argv[1]))["findings"]]
assert len(fps) == len(set(fps)) == 5, fps
EOF

# --- shards: disjoint, and merged they are the whole run ------------------------
cp -r "$here/sample/." "$src/"
tus=0
for i in 1 2 3; do
  expect_exit_any() { "$@" >"$work/out.txt" 2>"$work/err.txt" || true; }
  expect_exit_any lint --shard "$i/3" --format sarif:"$work/shard$i.sarif"
  n=$(sed -nE 's/.*: ([0-9]+) TU\(s\).*/\1/p' "$work/err.txt")
  tus=$((tus + n))
done
[[ $tus == 3 ]] || fail "the 3 shards hold $tus TUs, expected 3"
expect_exit 0 "$ci" merge-sarif "$work/merged.sarif" "$work/shard1.sarif" "$work/shard2.sarif" "$work/shard3.sarif"
python3 - "$work/full.sarif" "$work/merged.sarif" <<'EOF'
import json, sys
def fps(p):
    run = json.load(open(p))["runs"][0]
    return sorted((r["ruleId"], r["partialFingerprints"]["awaitlint/v1"]) for r in run["results"])
full, merged = fps(sys.argv[1]), fps(sys.argv[2])
assert full == merged, (full, merged)
run = json.load(open(sys.argv[2]))["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
print("merged shards == full run:", len(merged), "results")
EOF

# --- --summaries: each TU's exception summary first, then the same findings ----
# (main.cpp's dropped lambda awaits load_profile, whose timers may fail.)
expect_exit 1 lint --summaries "$work/summaries"
grep -c ': warning: ' "$work/out.txt" | grep -qx 5 || fail "--summaries: expected the same 5 warnings:
$(cat "$work/out.txt")"
[[ $(find "$work/summaries" -name '*.awlsum' | wc -l) == 3 ]] ||
  fail "--summaries: one summary per TU expected: $(ls "$work/summaries")"
grep -qx "C.shop::prices_of(std::vector<int>).clean.F:awl::sleep(double)" "$work/summaries"/*.awlsum ||
  fail "--summaries: prices_of's entry: $(cat "$work/summaries"/*.awlsum)"
# Two passes: the same findings (this sample's functions call no third
# file), one summary per TU still.
expect_exit 1 lint --summaries "$work/summaries2" --summary-passes 2
grep -c ': warning: ' "$work/out.txt" | grep -qx 5 || fail "--summary-passes 2: expected the same 5 warnings:
$(cat "$work/out.txt")"
[[ $(find "$work/summaries2" -name '*.awlsum' | wc -l) == 3 ]] ||
  fail "--summary-passes 2: one summary per TU expected: $(ls "$work/summaries2")"
expect_exit 2 lint --summary-passes 2
grep -q -- '--summary-passes needs --summaries' "$work/err.txt" || fail "$(cat "$work/err.txt")"
touch "$work/plain-file"
expect_exit 2 lint --summaries "$work/plain-file/summaries"
grep -q 'summaries .*plain-file/summaries' "$work/err.txt" || fail "$(cat "$work/err.txt")"

# --- bad input: clear errors, exit 2, nothing written ---------------------------
expect_exit 2 lint -p "$work/no-such-dir"
grep -q 'no-such-dir: no such directory' "$work/err.txt" || fail "$(cat "$work/err.txt")"
mkdir -p "$work/empty"
expect_exit 2 lint -p "$work/empty"
grep -q 'compile_commands.json: not found' "$work/err.txt" || fail "$(cat "$work/err.txt")"
mkdir -p "$work/broken" && printf '[{"directory": "/x", "file": ' >"$work/broken/compile_commands.json"
expect_exit 2 lint -p "$work/broken" --format sarif:"$work/never.sarif"
grep -q 'not valid JSON: line 1 column' "$work/err.txt" || fail "$(cat "$work/err.txt")"
[[ ! -e $work/never.sarif ]] || fail "nothing may be written on a configuration error"
expect_exit 2 lint --format xml
grep -q "unknown format 'xml'" "$work/err.txt" || fail "$(cat "$work/err.txt")"
expect_exit 2 lint '('
grep -q 'invalid regex' "$work/err.txt" || fail "$(cat "$work/err.txt")"
expect_exit 2 lint --shard 4/3
expect_exit 2 lint --baseline "$work/missing-baseline.json"
grep -q 'missing-baseline.json: cannot read' "$work/err.txt" || fail "$(cat "$work/err.txt")"
# A malformed .clang-tidy in the project: the driver's preflight stops every
# TU; awaitlint-ci names the problem once, exits 2, and writes nothing.
cp "$src/.clang-tidy" "$work/clang-tidy.saved"
printf "Checks: '-*,async-*'\nCheckOptions:\n  async-sequential-await.Brackets: perhaps\n" >"$src/.clang-tidy"
expect_exit 2 lint --format sarif:"$work/never.sarif"
[[ $(grep -c "invalid configuration value 'perhaps'" "$work/err.txt") == 1 ]] ||
  fail "the configuration problem, once: $(cat "$work/err.txt")"
grep -q 'sample/.clang-tidy: error:' "$work/err.txt" || fail "where: $(cat "$work/err.txt")"
[[ ! -e $work/never.sarif ]] || fail "nothing may be written on a configuration error"
cp "$work/clang-tidy.saved" "$src/.clang-tidy"
# The driver alone, on a file with no compilation database above it.
# (Outside the build tree, whose own database would be found above.)
nodb=$(mktemp -d)
printf 'int main() { return 0; }\n' >"$nodb/lonely.cpp"
expect_exit 2 "$driver" --checks='-*,async-*' "$nodb/lonely.cpp"
rm -rf "$nodb"
grep -q "lonely.cpp: error: no compilation database found in its directory or above; pass -p" "$work/err.txt" ||
  fail "no database: $(cat "$work/err.txt")"
# A TU that does not compile: its findings would be incomplete (exit 3).
printf 'int broken( {\n' >"$src/src/broken.cpp"
write_db "$src" "$work/build" "$awl_include"
expect_exit 3 lint
grep -q 'src/broken.cpp:1:.*error:' "$work/err.txt" && grep -q 'compile error' "$work/err.txt" ||
  fail "compile error: $(cat "$work/err.txt")"

echo "ci-lint: all checks passed"
