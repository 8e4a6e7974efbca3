#!/usr/bin/env bash
# Installs everything awaitlint needs on a Debian bookworm machine (run as root).
# Idempotent: when every package is present it only checks and exits in ~1 s.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ git pkg-config
  # LLVM/Clang 22 from bookworm-security: the checks, the driver, clangd, lit/FileCheck
  clang-22 clang-tidy-22 clang-format-22 clang-tools-22 libclang-22-dev libclang-cpp22-dev llvm-22-dev llvm-22-tools clangd-22 lld-22
  libclang-rt-22-dev
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev valgrind
  # real coroutine libraries the checks are tested against
  libasio-dev libboost1.81-dev
  # asio's, Boost.Asio's and Beast's coroutine examples: real code for
  # test/real-code/run.sh and scripts/bench_checks.sh
  libasio-doc libboost1.81-doc
  # QCoro (eager tasks, Qt 6): the QCoro check tests compile against it
  qcoro-qt6-dev
  # Graphviz: awaitlint --explain-format=dot is rendered in tests and docs
  graphviz
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Node.js is the oracle for JavaScript semantics; any node >= 18 will do.
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs)
fi
# npm fetches the SARIF validator (@microsoft/sarif-multitool) that the
# delivery.sarif-validator test runs on awaitlint-ci's SARIF.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if ((${#missing[@]} == 0)); then
  echo "bootstrap: all packages present"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "bootstrap: missing packages: ${missing[*]}" >&2
  echo "bootstrap: run as root (or install them with apt-get) and retry" >&2
  exit 1
fi

echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "bootstrap: done"
