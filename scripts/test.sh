#!/usr/bin/env bash
# Runs every test of the project: installs what is missing, builds the default
# preset (runtime, checks, tests) and runs CTest, then the runtime tests under
# ASan+UBSan and TSan, and the self-lint. Usage: scripts/test.sh [--quick]  (--quick: default preset only)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh

run_preset() {
  local preset=$1
  echo "== preset $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
}

run_preset default
echo "== lint"
bash scripts/lint.sh build
if [[ ${1:-} != --quick ]]; then
  run_preset asan
  run_preset tsan
fi
