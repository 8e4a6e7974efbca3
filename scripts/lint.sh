#!/usr/bin/env bash
# The project lints itself: clang-format-22 must leave our sources unchanged,
# and clang-tidy-22 (.clang-tidy at the root) must report nothing.
# Usage: scripts/lint.sh [build-dir]   (needs compile_commands.json there)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

mapfile -t format_files < <(git ls-files 'runtime/*.hpp' 'runtime/*.cpp' 'checks/*.h' 'checks/*.cpp' \
  'test/install/*.cpp' 'test/diff/*.hpp' 'test/diff/*.cpp' 'test/unit/*.cpp')
echo "lint: clang-format on ${#format_files[@]} files"
clang-format-22 --dry-run -Werror "${format_files[@]}"

# The examples include every runtime header; the module sources cover checks/.
mapfile -t tidy_files < <(git ls-files 'runtime/examples/*.cpp' 'checks/*.cpp' 'checks/utils/*.cpp')
echo "lint: clang-tidy on ${#tidy_files[@]} translation units"
# One clang-tidy per core; each file's report is printed whole.
tidy_one() {
  local out
  if ! out=$(clang-tidy-22 -p "$1" --quiet "$2" 2>/dev/null); then
    printf '%s\nlint: clang-tidy reported problems in %s\n' "$out" "$2" >&2
    return 1
  fi
}
export -f tidy_one
printf '%s\0' "${tidy_files[@]}" |
  xargs -0 -n1 -P "$(nproc 2>/dev/null || echo 2)" bash -c 'tidy_one "$0" "$1"' "$build_dir"
