#!/usr/bin/env python3
"""Editor latency of awaitlint-clangd: the time from didOpen to the first
publishDiagnostics, with the async- checks enabled and with clang-tidy off,
on real files, measured in one script (alternating runs, medians, ratio).

Usage: scripts/bench_clangd.py [--clangd build/bin/awaitlint-clangd] [--runs 3]
Default files: Boost.Beast's awaitable HTTP server (libboost1.81-doc, a real
program on heavy headers) and examples/checkout/checkout.cpp."""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "test", "delivery"))
import lsp_test  # noqa: E402  (the LSP client of the delivery test)

BEAST = "/usr/share/doc/libboost1.81-doc/examples/libs"
FILES = [
    (BEAST + "/beast/example/http/server/awaitable/http_server_awaitable.cpp",
     ["-std=c++20", "-I" + BEAST + "/beast"]),
    (os.path.join(ROOT, "examples/checkout/checkout.cpp"),
     ["-std=c++20", "-I" + os.path.join(ROOT, "runtime/include"),
      "-I" + os.path.join(ROOT, "examples/include")]),
]
ON = "Diagnostics:\n  ClangTidy:\n    Add: [async-*]\n    FastCheckFilter: Loose\n"
OFF = "Diagnostics:\n  ClangTidy:\n    Remove: ['*']\n"


def measure(clangd, work, source, flags, config):
    root = tempfile.mkdtemp(dir=work)
    path = os.path.join(root, os.path.basename(source))
    shutil.copy(source, path)
    with open(os.path.join(root, ".clangd"), "w") as f:
        f.write(config)
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump([{"directory": root, "file": path,
                    "arguments": ["clang++-22"] + flags + ["-c", path]}], f)
    server, diagnostics, seconds = lsp_test.open_and_diagnose(clangd, root, path)
    server.close()
    ours = sum(1 for d in diagnostics if str(d.get("code", "")).startswith("async-"))
    return seconds, ours


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clangd", default=os.path.join(ROOT, "build/bin/awaitlint-clangd"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="bench-clangd-")
    try:
        for source, flags in FILES:
            if not os.path.exists(source):
                sys.exit("bench_clangd: %s is missing (scripts/bootstrap.sh)" % source)
            on, off, found = [], [], 0
            for _ in range(args.runs):  # alternate, so load drifts hit both
                seconds, found = measure(args.clangd, work, source, flags, ON)
                on.append(seconds)
                off.append(measure(args.clangd, work, source, flags, OFF)[0])
            with_checks, without = statistics.median(on), statistics.median(off)
            print("%-28s %5d lines  didOpen->diagnostics  with async-* %.2f s  "
                  "without %.2f s  ratio %.2f  (%d async- diagnostics, median of %d)"
                  % (os.path.basename(source), sum(1 for _ in open(source)),
                     with_checks, without, with_checks / without, found, args.runs))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
