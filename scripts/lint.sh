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
status=0
for file in "${tidy_files[@]}"; do
  if ! clang-tidy-22 -p "$build_dir" --quiet "$file" 2>/dev/null; then
    echo "lint: clang-tidy reported problems in $file" >&2
    status=1
  fi
done
exit $status
