# lit configuration of the awaitlint check tests (test/checks/*.cpp).
#
# Normally loaded from <build>/test/checks/lit.site.cfg.py, which CMake writes
# with the tool paths: `lit-22 -sv <build>/test/checks` (CTest: checks-lit).
# Run on the source directory (`lit-22 -sv test/checks`), it looks for the
# tools in <repo>/build, then <repo>/build-checks.

import glob
import os
import shutil
import sys

import lit.formats

config.name = "awaitlint-checks"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
repo_root = os.path.dirname(os.path.dirname(config.test_source_root))


def first_existing(paths):
    for path in paths:
        if path and os.path.exists(path):
            return path
    return paths[0]


if not hasattr(config, "awaitlint"):
    build = first_existing([os.path.join(repo_root, d)
                            for d in ("build", "build-checks")])
    config.awaitlint = os.path.join(build, "bin", "awaitlint")
    config.filecheck = shutil.which("FileCheck-22") or "/usr/lib/llvm-22/bin/FileCheck"
    config.clangxx = shutil.which("clang++-22") or "clang++-22"
    config.awl_include = os.path.join(repo_root, "runtime", "include")
    config.test_exec_root = os.path.join(build, "test", "checks")
    config.plugin = os.path.join(build, "lib", "libawaitlint.so")
    config.host_clang_tidy = shutil.which("clang-tidy-22") or "clang-tidy-22"

# The runner runs under lit's own interpreter: no second lookup, and no
# version-manager shim (pyenv's costs ~0.3 s per test).
config.python = sys.executable

if not os.path.exists(config.awaitlint):
    lit_config.fatal("awaitlint not found at %s; build it first "
                     "(ninja -C build awaitlint)" % config.awaitlint)

inputs = os.path.join(config.test_source_root, "Inputs")
runner = os.path.join(config.test_source_root, "check_async.py")
config.substitutions.append((
    "%check_async",
    " ".join([config.python, runner,
              "--awaitlint", config.awaitlint,
              "--filecheck", config.filecheck,
              "--clangxx", config.clangxx,
              "-I", inputs, "-I", config.awl_include])))
# The same runner, with the host clang-tidy-22 loading lib/libawaitlint.so.
config.substitutions.append((
    "%check_plugin",
    " ".join([config.python, runner,
              "--awaitlint", config.awaitlint,
              "--plugin", config.plugin,
              "--clang-tidy", config.host_clang_tidy,
              "--filecheck", config.filecheck,
              "--clangxx", config.clangxx,
              "-I", inputs, "-I", config.awl_include])))
# asio 1.22 enables co_await for clang + libstdc++ only when told.
config.substitutions.append(
    ("%asio_flags", "-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1"))
config.substitutions.append(("%inputs", inputs))
# For tests that run the driver directly (options, --verify-config).
config.substitutions.append(("%awaitlint", config.awaitlint))
config.substitutions.append(("%host_clang_tidy", config.host_clang_tidy))
config.substitutions.append(("%plugin", config.plugin))
# Graphviz renders --explain-format=dot (scripts/bootstrap.sh installs it).
config.substitutions.append(("%dot", shutil.which("dot") or "dot"))
config.substitutions.append(("%FileCheck", config.filecheck))
# LLVM's `not` (inverts an exit code) sits beside FileCheck in llvm-22-tools.
config.substitutions.append(
    ("%not", os.path.join(os.path.dirname(os.path.realpath(config.filecheck)),
                          "not")))
config.substitutions.append(
    ("%awl_flags", "-std=c++20 -I %s -I %s" % (inputs, config.awl_include)))

# QCoro (Debian's qcoro-qt6-dev) and the Qt 6 headers it includes; tests
# that need them say `REQUIRES: qcoro` and show as UNSUPPORTED without them.
qcoro_task = "/usr/include/qcoro6/qcoro/qcorotask.h"
qt6_dirs = sorted(glob.glob("/usr/include/*/qt6"))
if os.path.exists(qcoro_task) and qt6_dirs:
    config.available_features.add("qcoro")
    qt6 = qt6_dirs[0]
    config.substitutions.append(("%qcoro_flags", " ".join(
        ["-fPIC"] + ["-isystem " + d for d in (
            "/usr/include/qcoro6", "/usr/include/qcoro6/qcoro",
            "/usr/include/qcoro6/QCoro", qt6, os.path.join(qt6, "QtCore"))])))
