#!/usr/bin/env bash
# Builds the Debian package with CPack from a configured build tree, checks
# its metadata and contents, unpacks it, and runs the tools from there.
# Usage: deb.sh BUILD_DIR WORK_DIR
set -euo pipefail
build_dir=$1 work=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" >cpack.log 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/awaitlint_*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "no .deb in $work: $(ls "$work")"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

info=$(dpkg-deb --info "$deb")
grep -q '^ Package: awaitlint$' <<<"$info" || fail "package name: $info"
grep -q '^ Depends:.*clang-tidy-22' <<<"$info" || fail "depends on clang-tidy-22: $info"

contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
for want in ./usr/bin/awaitlint ./usr/bin/awaitlint-ci ./usr/include/awl/awl.hpp \
    ./usr/lib/cmake/awl/awlConfig.cmake ./usr/share/doc/awaitlint/README.md \
    ./usr/share/doc/awaitlint/checks/async/sequential-await.md; do
  grep -qx -- "$want" <<<"$contents" || fail "$want is not in the package"
done
grep -q '/libawaitlint\.so$' <<<"$contents" || fail "the plugin is not in the package"
if [[ -x $build_dir/bin/awaitlint-clangd ]]; then
  grep -qx ./usr/bin/awaitlint-clangd <<<"$contents" || fail "awaitlint-clangd is not in the package"
fi

# Unpacked (not installed: no root needed), the tools run from their place.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/awaitlint" --version | grep -q 'LLVM version 22' || fail "awaitlint --version"
mkdir -p "$work/db" && echo '[]' >"$work/db/compile_commands.json"
"$work/root/usr/bin/awaitlint-ci" -p "$work/db" 2>&1 | grep -q '0 TU(s), 0 finding(s)' ||
  fail "awaitlint-ci from the package"
plugin=$(find "$work/root" -name libawaitlint.so | head -1)
clang-tidy-22 --load="$plugin" --list-checks --checks='-*,async-*' | grep -q async-sequential-await ||
  fail "the packaged plugin does not load into clang-tidy-22"
echo "deb ok"
