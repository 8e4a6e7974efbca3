#!/usr/bin/env bash
# awaitlint-ci's SARIF against a real SARIF 2.1.0 validator: Microsoft's SARIF
# Multitool (npm @microsoft/sarif-multitool, fetched once into TOOLS). The
# log must have zero errors and zero warnings; a broken log must have errors
# (the validator really ran).
#
# Usage: sarif_validate.sh AWAITLINT-CI AWAITLINT AWL-INCLUDE WORKDIR TOOLS
set -euo pipefail
ci=$1 driver=$2 awl_include=$3 work=$4 tools=$5
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"

multitool=$tools/node_modules/.bin/sarif-multitool
if [[ ! -x $multitool ]]; then
  command -v npm >/dev/null || fail "npm is missing (scripts/bootstrap.sh installs it)"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool@5.7.0 ||
    fail "could not install @microsoft/sarif-multitool from the npm registry"
fi
# The validator is a self-contained .NET program: no ICU needed.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
validate() { "$multitool" validate "$1" 2>&1; }

rm -rf "$work"
mkdir -p "$work/build"
cp -r "$here/sample" "$work/sample"
src=$work/sample
write_db "$src" "$work/build" "$awl_include"
(cd "$src" && "$ci" --awaitlint "$driver" -p "$work/build" -j2 --header-filter='.*/shop/.*' \
  --format sarif:"$work/log.sarif") || [[ $? == 1 ]] || fail "awaitlint-ci failed"
grep -q '"results"' "$work/log.sarif" || fail "no SARIF written"

out=$(validate "$work/log.sarif")
echo "$out"
grep -q 'Analysis completed successfully' <<<"$out" || fail "the validator did not complete"
if grep -E ': (error|warning) [A-Z]+[0-9]+' <<<"$out"; then
  fail "the SARIF log has validation errors or warnings (above)"
fi

# The validator finds errors where there are some.
printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"message": {}}]}]}\n' >"$work/broken.sarif"
grep -qE ': error JSON[0-9]+' <<<"$(validate "$work/broken.sarif")" ||
  fail "the validator accepted a log without a tool name"
echo "sarif: zero errors, zero warnings"
