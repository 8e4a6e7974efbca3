#!/usr/bin/env bash
# Recreates the application corpus that labels.txt, verdicts.txt,
# findings-after.txt and recall.txt describe (their paths are relative to
# DIR): the sources of the projects in projects.txt at their commits, laid
# out under DIR with the directory names those files use, and
# DIR/compile_commands.json with the translation units of tus.txt and the
# flags they compile with (clang++-22, C++20).
#
# The sources come from bare git mirrors, one per GitHub repository, at
# MIRROR/<owner>+<name>/repo (what the search tool's fetch leaves); this
# script cannot download anything itself.
#
# Usage: test/real-code/corpus/setup.sh [DIR]   (DIR defaults to /work/corpus)
# Environment:
#   MIRROR=/work/.mirror  where the bare mirrors are
#   CHECK=1               syntax-check every TU of tus.txt (2 jobs); 0 skips it
#   KEEP=1                keep the sources already in DIR (only rewrite
#                         compile_commands.json, e.g. after editing tus.txt);
#                         a project of projects.txt missing from DIR is
#                         checked out (those needing no extra step: Hildabot,
#                         added 2026-12-05, servertech-chat, added 2026-12-06;
#                         gamespy-emulator, added 2026-12-07, with its
#                         GameSpy submodule; theFrisbee, added 2026-12-08,
#                         with the ui_*.h headers uic makes from its .ui files;
#                         and UEAdminAPI-Drogon, added 2026-12-09, with its
#                         drogon, trantor and jwt-cpp sources)
#   PROBE=1               instead of tus.txt, try every .cpp with co_await
#                         and list the result in DIR/probe.txt (to update
#                         tus.txt after changing a commit)
#   CXX=clang++-22
#   UIC=/usr/lib/qt6/libexec/uic  Qt 6's uic (qt6-base-dev-tools), for theFrisbee's ui_*.h
#   LIBCXX_INCLUDE=DIR    libc++'s headers (.../include/c++/v1) when libc++-22-dev
#                         is not installed (see run.sh)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-/work/corpus}
mirror=${MIRROR:-/work/.mirror}
check=${CHECK:-1}
keep=${KEEP:-0}
probe=${PROBE:-0}
cxx=${CXX:-clang++-22}
stubs=$here/stubs

die() { echo "setup.sh: $*" >&2; exit 1; }
command -v "$cxx" >/dev/null || die "$cxx not found"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# The commit of a project as projects.txt records it (3rd field).
commit_of() {
  local c
  c=$(awk -F'|' -v n="$1" '{ gsub(/ /, "", $1) } $1 == n { gsub(/ /, "", $3); print $3 }' "$here/projects.txt")
  [[ -n $c ]] || die "no commit for $1 in projects.txt"
  echo "$c"
}

# git dir of a GitHub repository's mirror; fails naming the repository.
git_dir_of() {
  local g=$mirror/${1/\//+}/repo
  [[ -d $g ]] || die "mirror of github.com/$1 missing: expected a bare git dir at $g (fetch github:$1 first)"
  echo "$g"
}

# Checks out COMMIT of a mirror into DEST (paths kept as in the repository),
# limited to PATHSPEC... (git pathspecs; default all). The mirrors leave some
# large blobs out (data files, docs), so git archive would stop at the first
# one: the tree goes through a throw-away index instead, from which the
# missing blobs are dropped (and reported) before checkout-index.
checkout() {
  local g=$1 commit=$2 dest=$3
  shift 3
  (($# > 0)) || set -- .
  git --git-dir="$g" cat-file -e "$commit^{commit}" 2>/dev/null ||
    die "commit $commit not in $g: fetch a newer snapshot, or record the commit used in projects.txt"
  local index missing
  index=$(mktemp)
  missing=$(mktemp)
  export GIT_INDEX_FILE=$index
  git --git-dir="$g" read-tree "$commit"
  # Paths whose blob is absent (cat-file prints "<sha> missing" for those;
  # submodule entries, mode 160000, have no blob here).
  git --git-dir="$g" ls-files -s -- "$@" | awk -F'\t' '{ split($1, m, " "); if (m[1] != "160000") print m[2] "\t" $2 }' >"$missing.all"
  cut -f1 "$missing.all" |
    git --git-dir="$g" cat-file --batch-check='%(objectname) ok' |
    awk -F'\t' 'NR == FNR { if ($0 ~ / missing$/) gone[substr($0, 1, index($0, " ") - 1)] = 1; next }
      ($1 in gone) { print $2 }' - "$missing.all" >"$missing"
  if [[ -s $missing ]]; then
    echo "setup.sh: $(wc -l <"$missing") files absent from $g, left out:" >&2
    sed 's/^/  /' "$missing" >&2
    git --git-dir="$g" update-index --force-remove --stdin <"$missing"
  fi
  mkdir -p "$dest"
  git --git-dir="$g" ls-files -z -- "$@" | git --git-dir="$g" checkout-index -z --stdin --prefix="$dest/"
  unset GIT_INDEX_FILE
  rm -f "$index" "$missing" "$missing.all"
}

# --- sources ---------------------------------------------------------------
# The projects checked out whole from their own mirror (proxy and the Boost
# examples come from Jackarain/proxy's mirror).
declare -A repo_of=(
  [coro_socks]=xukeawsl/coro_socks
  [adequate-api-cpp]=Emilianissimo/adequate-api-cpp
  [asio]=chriskohlhoff/asio
  [qcoro]=qcoro/qcoro
  [DPP]=brainboxdotcc/DPP
  [GreekBot]=guard3/GreekBot
  [Delta_DBot]=MatteoNasci/Delta_DBot
  [Hildabot]=CominAtYou/Hildabot
  [servertech-chat]=anarthal/servertech-chat
  [gamespy-emulator]=kr4uzi/gamespy-emulator
  [theFrisbee]=theCheeseboard/theFrisbee
  [UEAdminAPI-Drogon]=Lzhjk1/UEAdminAPI-Drogon
)
names=(coro_socks adequate-api-cpp asio qcoro DPP GreekBot Delta_DBot Hildabot servertech-chat gamespy-emulator theFrisbee UEAdminAPI-Drogon)
# Those that need more than the checkout (a submodule, generated headers,
# stubs made from their files) and so only come with a full layout.
extra_steps=(coro_socks GreekBot Delta_DBot)

# Checks a project of names out at its commit; gamespy-emulator's submodule
# dependencies/GameSpy (nitrocaster/GameSpy, only its headers are used: the
# static_asserts at the end of four TUs) comes with it, at the commit the
# superproject pins, also with KEEP=1. theFrisbee's forms (*.ui) go through
# Qt's uic into theFrisbee/gen/ui_<name>.h, as CMake's AUTOUIC would do; the
# TUs include those headers. UEAdminAPI-Drogon builds against an installed
# drogon (vcpkg) and jwt-cpp, which Debian does not package: their sources go
# to UEAdminAPI-Drogon-deps/ (drogon's lib/, orm_lib/ and nosql_lib/ at
# $drogon_for_uea, trantor at the commit that drogon pins as its submodule,
# jwt-cpp's include/ at $jwt_cpp_for_uea); stubs/drogon stands in for the
# headers their CMake builds generate (config.h, version.h, exports.h).
checkout_project() {
  local name=$1 g sub
  g=$(git_dir_of "${repo_of[$name]}")
  checkout "$g" "$(commit_of "$name")" "$dir/$name"
  if [[ $name == gamespy-emulator ]]; then
    sub=$(git --git-dir="$g" ls-tree "$(commit_of "$name")" dependencies/GameSpy | awk '{ print $3 }')
    echo "setup.sh: gamespy-emulator/dependencies/GameSpy at $sub"
    checkout "$(git_dir_of nitrocaster/GameSpy)" "$sub" "$dir/gamespy-emulator/dependencies/GameSpy"
  fi
  if [[ $name == theFrisbee ]]; then
    local uic=${UIC:-/usr/lib/qt6/libexec/uic} ui
    [[ -x $uic ]] || die "$uic missing: install qt6-base-dev-tools or set UIC (theFrisbee needs uic)"
    mkdir -p "$dir/theFrisbee/gen"
    while IFS= read -r ui; do
      "$uic" "$ui" -o "$dir/theFrisbee/gen/ui_$(basename "$ui" .ui).h" || die "uic failed on $ui"
    done < <(find "$dir/theFrisbee" -name '*.ui' -not -path '*/gen/*' | sort)
    echo "setup.sh: theFrisbee/gen: ui headers of $(find "$dir/theFrisbee/gen" -name 'ui_*.h' | wc -l) forms"
  fi
  if [[ $name == UEAdminAPI-Drogon ]]; then
    local deps=$dir/UEAdminAPI-Drogon-deps dg
    dg=$(git_dir_of drogonframework/drogon)
    echo "setup.sh: UEAdminAPI-Drogon-deps/drogon at $drogon_for_uea"
    checkout "$dg" "$drogon_for_uea" "$deps/drogon" lib orm_lib nosql_lib
    sub=$(git --git-dir="$dg" ls-tree "$drogon_for_uea" trantor | awk '{ print $3 }')
    echo "setup.sh: UEAdminAPI-Drogon-deps/trantor at $sub"
    checkout "$(git_dir_of an-tao/trantor)" "$sub" "$deps/trantor" trantor
    echo "setup.sh: UEAdminAPI-Drogon-deps/jwt-cpp at $jwt_cpp_for_uea"
    checkout "$(git_dir_of Thalhammer/jwt-cpp)" "$jwt_cpp_for_uea" "$deps/jwt-cpp" include
  fi
}

lay_out_sources() {
  local proxy_commit proxy_git asiomp_git asiomp_commit name inc
  proxy_commit=$(commit_of proxy)
  proxy_git=$(git_dir_of Jackarain/proxy)
  # Check every mirror before laying anything out.
  for name in "${names[@]}"; do git_dir_of "${repo_of[$name]}" >/dev/null; done
  git_dir_of nitrocaster/GameSpy >/dev/null
  for name in drogonframework/drogon an-tao/trantor Thalhammer/jwt-cpp; do git_dir_of "$name" >/dev/null; done
  asiomp_git=$(git_dir_of xukeawsl/asiomp)

  for name in proxy boost-examples "${names[@]}"; do
    [[ ! -e $dir/$name ]] || die "$dir/$name exists: remove it (or use another DIR) to start from scratch"
  done

  echo "setup.sh: proxy at $proxy_commit"
  # The vendored Boost goes to boost-examples/ only (the txt files name it
  # there), not a second time under proxy/.
  checkout "$proxy_git" "$proxy_commit" "$dir/proxy" . ':!third_party/boost'
  echo "setup.sh: boost-examples (proxy's third_party/boost)"
  checkout "$proxy_git" "$proxy_commit" "$dir/boost-examples" third_party/boost
  for name in "${names[@]}"; do
    echo "setup.sh: $name at $(commit_of "$name")"
    checkout_project "$name"
  done
  # coro_socks' submodule at the commit its superproject pins.
  asiomp_commit=$(git --git-dir="$(git_dir_of xukeawsl/coro_socks)" ls-tree "$(commit_of coro_socks)" third-party/asiomp | awk '{ print $3 }')
  echo "setup.sh: coro_socks/third-party/asiomp at $asiomp_commit"
  checkout "$asiomp_git" "$asiomp_commit" "$dir/coro_socks/third-party/asiomp"

  # GreekBot's CMakeLists.txt turns each Database/**/Queries.h.in into a
  # header of SQL string macros; the SQL text does not matter here.
  local q
  mkdir -p "$dir/GreekBot/gen"
  for q in MessageLog:MessageLogQueries Leaderboard:LeaderboardQueries Nicknames:NicknamesQueries \
    Infractions:InfractionsQueries Starboard:StarboardQueries TempBans:TempBanQueries .:Queries; do
    sed -E 's/@([A-Z0-9_]+)@/"SELECT 1;"/g' "$dir/GreekBot/Database/${q%%:*}/Queries.h.in" >"$dir/GreekBot/gen/${q##*:}.h"
  done

  # Delta_DBot (November 2024) builds against D++ v10.0.35, not the D++ of
  # the corpus; it is written for MSVC: three of its headers are shadowed by
  # copies with the standard spelling (same line numbers), and libc++'s
  # std::exception gets MSVC's exception(const char*) constructor.
  local ds=$dir/Delta_DBot-stubs f
  echo "setup.sh: Delta_DBot-stubs (D++ v10.0.35 headers, MSVC spellings)"
  checkout "$(git_dir_of brainboxdotcc/DPP)" "$dpp_for_delta" "$ds/dpp-v10.0.35" include
  for f in utility/response.h utility/constants.h time/time.h; do
    mkdir -p "$ds/$(dirname "$f")"
    sed -E -e 's/static \[\[nodiscard\]\]/[[nodiscard]] static/' \
      -e 's/long long int\{ *([^}]*[^ }]) *\}/static_cast<long long int>(\1)/' \
      "$dir/Delta_DBot/headers/$f" >"$ds/$f"
  done
  local libcxx=${LIBCXX_INCLUDE:-/usr/lib/llvm-22/include/c++/v1}/__exception/exception.h
  [[ -f $libcxx ]] || die "$libcxx missing: install libc++-22-dev, or unpack it and set LIBCXX_INCLUDE as run.sh explains (GreekBot and Delta_DBot need libc++)"
  mkdir -p "$ds/libcxx-msvc-overlay/__exception"
  sed -E '/^ *_LIBCPP_HIDE_FROM_ABI exception\(const exception&\) _NOEXCEPT *= default;/a\
  _LIBCPP_HIDE_FROM_ABI explicit exception(const char*) _NOEXCEPT {}' "$libcxx" \
    >"$ds/libcxx-msvc-overlay/__exception/exception.h"
  grep -q 'exception(const char\*)' "$ds/libcxx-msvc-overlay/__exception/exception.h" ||
    die "could not add exception(const char*) to a copy of $libcxx"

  # Modular Boost keeps each library's headers in libs/<lib>/include; `b2
  # headers` would merge them into boost/. Hard links do the same without b2,
  # so one -isystem serves every TU.
  mkdir -p "$boost_root/boost"
  for inc in "$boost_root"/libs/*/include/boost "$boost_root"/libs/numeric/*/include/boost; do
    cp -al "$inc/." "$boost_root/boost/"
  done
  grep -q 'define BOOST_VERSION 109200' "$boost_root/boost/version.hpp" ||
    echo "setup.sh: note: vendored Boost is not BOOST_VERSION 109200" >&2
}

boost_root=$dir/boost-examples/third_party/boost
# D++ v10.0.35, the release Delta_DBot was written against.
dpp_for_delta=ab0142be0199666bfdabc70b3b426ab7af5003db
# drogon 1.9.13+ (July 2026) and jwt-cpp (April 2026) for UEAdminAPI-Drogon
# (August 2026, built with vcpkg's drogon and jwt-cpp of that time).
drogon_for_uea=74fc004c8dc8244fe3b6c56628601053b5a15c37
jwt_cpp_for_uea=0a503e75084cfdb48cc2186e6b961444eb819007
if [[ $keep == 1 ]]; then
  [[ -d $boost_root/boost ]] || die "KEEP=1 but no corpus in $dir"
  # Projects added to projects.txt after DIR was laid out.
  for name in "${names[@]}"; do
    [[ ! -e $dir/$name ]] || continue
    [[ " ${extra_steps[*]} " != *" $name "* ]] || die "KEEP=1: $dir/$name missing, and it needs a full layout (KEEP=0 into an empty DIR)"
    echo "setup.sh: KEEP=1: $name missing, checking it out at $(commit_of "$name")"
    checkout_project "$name"
  done
else
  lay_out_sources
fi

# --- flags -----------------------------------------------------------------
# Prints the compiler arguments (after the compiler, before the file) of a
# TU given relative to DIR, one per line.
flags_for() {
  local f=$1 p=$dir
  local -a a=(-std=c++20)
  local libs=$boost_root/libs
  case $f in
    proxy/*)
      # proxy's CMakeLists.txt definitions (Linux, no io_uring, system OpenSSL).
      a+=(-DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_SEPARATE_COMPILATION -DBOOST_BEAST_SEPARATE_COMPILATION
        -DBOOST_ASIO_NO_DEPRECATED -DBOOST_LOCALE_HIDE_AUTO_PTR -DBOOST_BIND_GLOBAL_PLACEHOLDERS
        -DBOOST_DISABLE_PRAGMA_MESSAGE -DBOOST_COROUTINES_NO_DEPRECATION_WARNING -DBOOST_PROCESS_USE_STD_FS
        -DBOOST_FILESYSTEM_USE_UTF8_CODECVT_FACET -DUSE_BOOST_FILESYSTEM -DXXH_STATIC_LINKING_ONLY
        -DFORCE_USE_FMT_FORMAT -I"$p/proxy/proxy/include" -I"$p/proxy/third_party"
        -I"$p/proxy/third_party/tinyrpc/include" -I"$p/proxy/third_party/fmt/include"
        -I"$p/proxy/server/httpc/include" -isystem "$boost_root")
      # launcher's CMakeLists.txt asks for C++23.
      [[ $f != proxy/server/launcher/* ]] || a=(-std=c++23 "${a[@]:1}" -I"$p/proxy/server/launcher")
      ;;
    coro_socks/*)
      # asiomp's asio submodule is not fetched: Debian's libasio-dev, whose
      # detection misses clang's coroutines; spdlog is a stub.
      a+=(-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1 -I"$p/coro_socks/src"
        -I"$p/coro_socks/third-party/asiomp/include" -isystem "$stubs")
      ;;
    adequate-api-cpp/*)
      # nlohmann/json: the copy DPP vendors; Poco and libsodium: stubs.
      a+=(-DPROJECT_ROOT=\""$p/adequate-api-cpp"\" -DHAVE_LIBMAGIC=1 -I"$p/adequate-api-cpp/src"
        -isystem "$boost_root" -isystem "$p/DPP/include/dpp" -isystem /usr/include/postgresql
        -isystem "$stubs")
      ;;
    asio/src/examples/*)
      # Against Debian's libasio-dev (1.22), as in the 2026-12-02 corpus:
      # the examples that compile so are exactly those with findings in
      # verdicts.txt (the same files from Boost 1.92 have more).
      a+=(-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1)
      ;;
    asio/*)
      # The unit tests need the repository's own headers.
      a+=(-I"$p/asio/include")
      ;;
    qcoro/*)
      # Qt 6 and QCoro 0.8 from Debian (qt6-base-dev, qt6-websockets-dev,
      # qcoro-qt6-dev); Qt wants position-independent code.
      local qt=/usr/include/x86_64-linux-gnu/qt6 m
      a+=(-fPIC -isystem "$qt")
      for m in QtCore QtGui QtNetwork QtDBus QtConcurrent QtTest QtWebSockets QtWidgets; do a+=(-isystem "$qt/$m"); done
      a+=(-isystem /usr/include/qcoro6 -isystem /usr/include/qcoro6/qcoro -isystem /usr/include/qcoro6/QCoro)
      ;;
    Delta_DBot/*)
      local ds=$p/Delta_DBot-stubs
      a+=(-stdlib=libc++ -DDPP_CORO -I"$ds/libcxx-msvc-overlay" -I"$ds" -I"$p/Delta_DBot/headers"
        -I"$ds/dpp-v10.0.35/include")
      ;;
    Hildabot/*)
      # Its Makefile: C++20, -Isrc/include -Isrc. <format> and
      # std::chrono::zoned_time need libc++ (libstdc++ 12 has neither),
      # whose time zone support is behind -fexperimental-library. D++: the
      # corpus' DPP checkout (the bot, June 2025, builds against an installed
      # D++ of that time; its TUs compile with this one); the MongoDB C++
      # driver (mongocxx/bsoncxx, not in Debian): stubs.
      a+=(-stdlib=libc++ -fexperimental-library -I"$p/Hildabot/src/include" -I"$p/Hildabot/src"
        -I"$p/DPP/include" -isystem "$stubs")
      ;;
    servertech-chat/*)
      # server/CMakeLists.txt: C++20, Asio/Beast/MySQL in separate-compilation
      # mode, include/ and include/pch.hpp as precompiled header (which CMake
      # force-includes; the sources rely on it). It wants Boost >= 1.89
      # (tools/install-boost.sh) with Boost.MySQL and Boost.Redis: the vendored
      # 1.92; OpenSSL from Debian (libssl-dev). No stubs.
      a+=(-DBOOST_BEAST_SEPARATE_COMPILATION -DBOOST_ASIO_SEPARATE_COMPILATION
        -DBOOST_MYSQL_SEPARATE_COMPILATION -include "$p/servertech-chat/server/include/pch.hpp"
        -I"$p/servertech-chat/server/include" -isystem "$boost_root")
      ;;
    gamespy-emulator/*)
      # emulator/CMakeLists.txt: C++26, _UNIX on Unix (for the GameSpy SDK
      # headers), -I ../dependencies/GameSpy/src (the submodule); Boost >= 1.88
      # with Boost.MySQL: the vendored 1.92; nlohmann/json: the copy DPP
      # vendors; SQLite and OpenSSL from Debian (libsqlite3-dev, libssl-dev).
      # <print> and <expected>: libc++ (libstdc++ 12 has neither). admin.cpp
      # uses std::from_chars without <charconv>, which MSVC's headers bring
      # in transitively: -include charconv. No stubs.
      a=(-std=c++26 -stdlib=libc++ -include charconv -D_UNIX -I"$p/gamespy-emulator/dependencies/GameSpy/src"
        -isystem "$boost_root" -isystem "$p/DPP/include/dpp")
      ;;
    theFrisbee/*)
      # theFrisbee (a disk utility: UDisks2 over D-Bus) and its libthefrisbee:
      # C++20 (cntp_init(... 20)), Qt 6 Widgets and DBus, QCoro 0.8 (qcoro-qt6-dev)
      # as the qcoro examples use them; include dirs as its CMakeLists.txt give them
      # (libthefrisbee/, application/) plus gen/ (the ui_*.h of checkout_project).
      # libcontemporary (theCheeseboard's widget/job/logging library, not in
      # Debian): stubs/libcontemporary.
      local qt=/usr/include/x86_64-linux-gnu/qt6 m
      a+=(-fPIC -DQT_CORE_LIB -DQT_GUI_LIB -DQT_WIDGETS_LIB -DQT_DBUS_LIB -isystem "$qt")
      for m in QtCore QtGui QtDBus QtConcurrent QtWidgets; do a+=(-isystem "$qt/$m"); done
      a+=(-isystem /usr/include/qcoro6 -isystem /usr/include/qcoro6/qcoro -isystem /usr/include/qcoro6/QCoro
        -I"$p/theFrisbee/libthefrisbee" -I"$p/theFrisbee/application" -I"$p/theFrisbee/gen"
        -isystem "$stubs/libcontemporary")
      ;;
    UEAdminAPI-Drogon/*)
      # CMakeLists.txt: C++20, -DJWT_DISABLE_PICOJSON, the source dir and models/
      # as include dirs. drogon/trantor/jwt-cpp: the sources setup.sh checks out
      # into UEAdminAPI-Drogon-deps, with stubs/drogon for their generated
      # headers; jsoncpp from Debian (libjsoncpp-dev), OpenSSL (libssl-dev).
      # <format> (AuthService.cpp, TencentSMSService.cpp): libc++.
      local deps=$p/UEAdminAPI-Drogon-deps
      a+=(-stdlib=libc++ -DJWT_DISABLE_PICOJSON -I"$p/UEAdminAPI-Drogon" -I"$p/UEAdminAPI-Drogon/models"
        -isystem "$deps/drogon/lib/inc" -isystem "$deps/drogon/orm_lib/inc" -isystem "$deps/drogon/nosql_lib/redis/inc"
        -isystem "$deps/trantor" -isystem "$deps/jwt-cpp/include" -isystem "$stubs/drogon" -isystem /usr/include/jsoncpp)
      ;;
    GreekBot/*)
      # C++23 with <format>: libc++ (libc++-22-dev; libstdc++ 12 has no
      # <format>), Boost >= 1.90 (the vendored 1.92), its include dirs and
      # the generated query headers; stddef.h/stdint.h for the names it
      # takes from transitive includes on other standard libraries.
      a=(-std=c++23 -stdlib=libc++ -include stddef.h -include stdint.h
        -DBOOST_ASIO_SEPARATE_COMPILATION -DBOOST_BEAST_SEPARATE_COMPILATION)
      local d
      for d in Discord Discord/Objects Discord/Gateway GreekBot Database gen; do a+=(-I"$p/GreekBot/$d"); done
      a+=(-isystem "$boost_root")
      ;;
    DPP/src/unittest/*)
      a+=(-I"$p/DPP/include" -I"$p/DPP/src/unittest")
      ;;
    DPP/src/*)
      a+=(-DDPP_BUILD -I"$p/DPP/include")
      ;;
    DPP/*)
      a+=(-I"$p/DPP/include")
      ;;
    boost-examples/third_party/boost/libs/mysql/test/unit/*)
      a+=(-isystem "$boost_root" -I"$libs/mysql/test/common/include" -I"$libs/mysql/test/unit/include")
      ;;
    boost-examples/third_party/boost/libs/mysql/test/integration/*)
      a+=(-isystem "$boost_root" -I"$libs/mysql/test/common/include" -I"$libs/mysql/test/integration/include")
      ;;
    boost-examples/third_party/boost/libs/mysql/*)
      a+=(-isystem "$boost_root" -I"$libs/mysql/test/common/include")
      ;;
    boost-examples/third_party/boost/libs/mqtt5/*)
      a+=(-isystem "$boost_root" -I"$libs/mqtt5/test/include")
      ;;
    boost-examples/third_party/boost/libs/beast/*)
      a+=(-isystem "$boost_root" -I"$libs/beast" -I"$libs/beast/test/extras/include")
      ;;
    boost-examples/third_party/boost/libs/*)
      a+=(-isystem "$boost_root")
      ;;
    *) die "no flags for $f" ;;
  esac
  printf '%s\n' "${a[@]}"
}

# --- translation units -----------------------------------------------------
boost_libs=(mysql redis mqtt5 beast cobalt asio)
if [[ $probe == 1 ]]; then
  # Every .cpp that mentions co_await, in the trees the corpus covers.
  mapfile -t tus < <(
    cd "$dir" &&
      grep -rl --include='*.cpp' --include='*.cc' co_await proxy coro_socks adequate-api-cpp asio qcoro DPP GreekBot Delta_DBot Hildabot servertech-chat gamespy-emulator theFrisbee UEAdminAPI-Drogon \
        "${boost_libs[@]/#/boost-examples/third_party/boost/libs/}" | sort)
else
  mapfile -t tus < <(grep -v '^#' "$here/tus.txt" | grep -v '^[[:space:]]*$')
  for f in "${tus[@]}"; do
    [[ -f $dir/$f ]] || die "$f (tus.txt) not in the sources"
    flags_for "$f" >/dev/null
  done
fi

# JSON string: backslashes and quotes escaped (nothing else occurs here).
json_str() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

# One compile_commands.json entry per TU.
entry() {
  local f=$1 arg
  local -a args
  mapfile -t args < <(flags_for "$f")
  printf '{"directory": %s, "file": %s, "arguments": [%s' "$(json_str "$dir")" "$(json_str "$dir/$f")" "$(json_str "$cxx")"
  for arg in "${args[@]}" -c "$dir/$f"; do printf ', %s' "$(json_str "$arg")"; done
  printf ']}'
}

# Syntax-checks one TU with its flags; prints "OK f" or "FAIL f" and the
# first errors.
syntax_check() {
  local f=$1 out
  local -a args
  mapfile -t args < <(flags_for "$f")
  if out=$(cd "$dir" && "$cxx" -fsyntax-only "${args[@]}" "$dir/$f" 2>&1); then
    echo "OK $f"
  else
    echo "FAIL $f"
    grep -m3 'error:' <<<"$out" | sed 's/^/    /' || true
  fi
}

results=$(mktemp)
trap 'rm -f "$results"' EXIT
# Headers of a Debian package only one project needs, checked before minutes
# of compiling end in a missing-include error.
if [[ $probe == 1 || $check == 1 ]] && printf '%s\n' "${tus[@]}" | grep -q '^UEAdminAPI-Drogon/'; then
  [[ -f /usr/include/jsoncpp/json/json.h ]] ||
    die "/usr/include/jsoncpp/json/json.h missing: install libjsoncpp-dev (UEAdminAPI-Drogon needs it)"
fi
if [[ $probe == 1 || $check == 1 ]]; then
  echo "setup.sh: syntax-checking ${#tus[@]} TUs with $cxx (2 jobs; several minutes)"
  export -f flags_for syntax_check die
  export dir boost_root stubs cxx
  # shellcheck disable=SC2016 # $1 expands in the child shell
  printf '%s\n' "${tus[@]}" | xargs -P2 -I{} bash -c 'syntax_check "$1"' _ {} >"$results"
  if [[ $probe == 1 ]]; then
    sort -k2 "$results" | grep -E '^(OK|FAIL) ' >"$dir/probe.txt"
    grep '^OK ' "$dir/probe.txt" | cut -d' ' -f2 >"$dir/probe-ok.txt"
    echo "setup.sh: probe: $(wc -l <"$dir/probe-ok.txt") of ${#tus[@]} compile; see $dir/probe.txt, $dir/probe-ok.txt"
    mapfile -t tus <"$dir/probe-ok.txt"
  elif grep -q '^FAIL ' "$results"; then
    cat "$results" >&2
    die "$(grep -c '^FAIL ' "$results") TUs of tus.txt do not compile (see above)"
  fi
fi

{
  echo '['
  n=${#tus[@]}
  for ((i = 0; i < n; i++)); do
    entry "${tus[i]}"
    if ((i + 1 < n)); then echo ','; else echo; fi
  done
  echo ']'
} >"$dir/compile_commands.json"

echo "setup.sh: $dir/compile_commands.json: ${#tus[@]} TUs"
for proj in proxy coro_socks adequate-api-cpp asio qcoro DPP GreekBot Delta_DBot Hildabot servertech-chat gamespy-emulator theFrisbee UEAdminAPI-Drogon "${boost_libs[@]/#/boost-examples/third_party/boost/libs/}"; do
  printf '  %-45s %s\n' "$proj" "$(printf '%s\n' "${tus[@]}" | grep -c "^$proj/" || true)"
done
