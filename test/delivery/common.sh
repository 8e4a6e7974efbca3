# Shared by the delivery tests: sourced, not run.

fail() { echo "FAIL: $*" >&2; exit 1; }

# write_db SRC BUILD AWL_INCLUDE [FILE=FLAG ...]: BUILD/compile_commands.json
# for SRC/src/*.cpp (clang++-22, C++20, awl and SRC/include), with an extra
# flag for the files named.
write_db() {
  local src=$1 build=$2 awl_include=$3 first=1 f extra spec
  shift 3
  mkdir -p "$build"
  {
    echo '['
    for f in "$src"/src/*.cpp; do
      extra=
      for spec in "$@"; do
        [[ ${spec%%=*} != "$(basename "$f")" ]] || extra="\"${spec#*=}\", "
      done
      ((first)) || echo ','
      first=0
      printf '{"directory": "%s", "file": "%s", "arguments": ["clang++-22", "-std=c++20", %s"-I%s", "-I%s/include", "-c", "%s"]}' \
        "$src" "$f" "$extra" "$awl_include" "$src" "$f"
    done
    echo ']'
  } >"$build/compile_commands.json"
}

# build_and_run SRC AWL_INCLUDE OUT: builds the sample program and runs it,
# its output in OUT.
build_and_run() {
  local src=$1 awl_include=$2 out=$3
  clang++-22 -std=c++20 -O0 -pthread -I"$awl_include" -I"$src/include" "$src"/src/*.cpp -o "$src/shop" ||
    fail "the sample in $src does not build"
  "$src/shop" >"$out" || fail "the sample in $src failed"
}
