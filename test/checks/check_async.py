#!/usr/bin/env python3
"""Runs one awaitlint check test (used by lit, see lit.cfg.py).

    check_async.py [options] INPUT.cpp CHECKS TEMP [-- EXTRA_COMPILER_ARGS...]

Steps, each of which can fail the test:
  1. copy INPUT (CHECK lines blanked, so they neither move nor match
     themselves) and run `awaitlint --checks=-*,CHECKS --fix` on the copy
     (plus --fix-notes with --fix-notes);
  2. match the warnings against `// CHECK-MESSAGES:` lines and, if present,
     warnings + notes against `// CHECK-NOTES:` lines, with FileCheck; extra
     warnings fail the test. A file with neither is a negative test: it must
     produce no warning of an async- check at all;
  3. match the fixed file against `// CHECK-FIXES:` lines with FileCheck; a
     file without CHECK-FIXES must come out of --fix unchanged;
  4. compile the fixed file with clang++ -std=c++20 -fsyntax-only (when
     --fix changed it: awaitlint parsed the unchanged file without error);
  (with --crlf the copy has CRLF line endings, and every line of the fixed
  file must keep them;)
  6. the runtime as the oracle of async-unhandled-rejection: a file with
     `// ORACLE: unobserved` (or `observed`) is built with
     -DAWAITLINT_ORACLE_REJECT, where every backend call rejects, and run;
     awl's tracker must report an unhandled rejection (or none), and the
     check must agree (warn, or not). `unobserved-accepted` marks a
     rejection the check accepts on purpose ((void), AllowedCalls). When
     --fix changed the file, the fixed program is run the same way and
     must report none (or what `// ORACLE-AFTER-FIX:` says). A runnable
     test (it has main) of async-unhandled-rejection must have an ORACLE
     line;
  5. for a file containing `// RUN-AND-COMPARE`: build and run the original
     and the fixed program, compare their output (except the "elapsed" line)
     and check the virtual time each reports ("elapsed 300ms") against
     `// ELAPSED-BEFORE: 300ms` and `// ELAPSED-AFTER: 100ms`.
Only the Python standard library is used.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

CHECK_LINE = re.compile(r"//\s*CHECK-[A-Z0-9-]+:[^\r\n]*")
DIAGNOSTIC = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): "
                        r"(?P<kind>warning|error|note): (?P<text>.*)$")
ELAPSED = re.compile(r"elapsed\s+(\d+(?:\.\d+)?)\s*ms")


class TestFailure(Exception):
    pass


def run(cmd, **kwargs):
    """Runs cmd and returns (returncode, stdout, stderr)."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kwargs)
    return proc.returncode, proc.stdout, proc.stderr


def show(cmd):
    return " ".join(("'%s'" % c) if (" " in c or "*" in c) else c for c in cmd)


def filecheck(args, check_file, input_text, prefix, extra=()):
    cmd = [args.filecheck, check_file, "--check-prefix=" + prefix,
           "--dump-input=fail"] + list(extra)
    proc = subprocess.run(cmd, input=input_text, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise TestFailure("FileCheck %s failed:\n%s\n--- input ---\n%s"
                          % (prefix, proc.stdout, input_text))


def diagnostics(output, kinds):
    lines = []
    for line in output.splitlines():
        m = DIAGNOSTIC.match(line)
        # clang-tidy's own "FIX-IT applied suggested code changes" notes are
        # not diagnostics of the check.
        if m and m.group("kind") in kinds and "FIX-IT " not in line:
            lines.append(line)
    return "\n".join(lines) + "\n"


def compile_flags(args):
    flags = ["-std=c++20"]
    for inc in args.include:
        flags += ["-I", inc]
    return flags + args.extra


def elapsed_of(stdout, what):
    m = ELAPSED.search(stdout)
    if not m:
        raise TestFailure("%s program printed no 'elapsed <N>ms' line:\n%s"
                          % (what, stdout))
    return float(m.group(1))


ORACLE = re.compile(r"//\s*ORACLE:\s*(unobserved-accepted|unobserved|observed)\b")
ORACLE_AFTER_FIX = re.compile(r"//\s*ORACLE-AFTER-FIX:\s*(unobserved|observed)\b")
UNHANDLED = re.compile(r"^unhandled rejections: (\d+)$", re.M)


def build_and_run(args, path, workdir, what, defines=()):
    """Builds the program \p path (described as \p what in failures) and
    runs it: (exit code, stdout, stderr)."""
    exe = os.path.join(workdir, what.replace(" ", "-") + ".out")
    # -O0: the programs run in virtual time, and it builds ~40% faster.
    cmd = [args.clangxx] + compile_flags(args) + [
        "-O0", "-pthread"] + list(defines) + [path, "-o", exe]
    code, out, err = run(cmd)
    if code != 0:
        raise TestFailure("building the %s program failed:\n$ %s\n%s%s"
                          % (what, show(cmd), out, err))
    try:
        return run([exe], timeout=60)
    except subprocess.TimeoutExpired:
        raise TestFailure("the %s program timed out" % what)


def unhandled_rejections(args, path, workdir, what):
    """Builds \p path with every backend call rejecting, runs it, and returns
    how many rejections awl's tracker reported."""
    code, out, err = build_and_run(args, path, workdir, "rejecting " + what,
                                   ["-DAWAITLINT_ORACLE_REJECT=1"])
    found = UNHANDLED.search(out)
    if code != 0 or not found:
        raise TestFailure("the rejecting %s program exited with %d and did not "
                          "print 'unhandled rejections: N':\n%s%s"
                          % (what, code, out, err))
    return int(found.group(1))


def oracle(args, source_text, warnings, original, fixed, changed, workdir):
    verdict = ORACLE.search(source_text)
    if not verdict:
        if ("async-unhandled-rejection" in args.checks
                and re.search(r"^int main\(", source_text, re.M)):
            raise TestFailure("a runnable async-unhandled-rejection test needs "
                              "an // ORACLE: observed|unobserved line")
        return
    want = verdict.group(1)
    got = unhandled_rejections(args, original, workdir, "original")
    if want == "observed" and got != 0:
        raise TestFailure("oracle: awl reported %d unhandled rejection(s), "
                          "the test says every rejection is observed" % got)
    if want != "observed" and got == 0:
        raise TestFailure("oracle: awl reported no unhandled rejection, the "
                          "test says one goes unobserved")
    if (want == "unobserved") != (warnings > 0):
        raise TestFailure("oracle: awl reported %d unhandled rejection(s) but "
                          "async-unhandled-rejection gave %d warning(s)"
                          % (got, warnings))
    print("oracle: awl reported %d unhandled rejection(s); the check gave %d "
          "warning(s)" % (got, warnings))
    if not changed:
        return
    after = ORACLE_AFTER_FIX.search(source_text)
    want_after = after.group(1) if after else "observed"
    got_after = unhandled_rejections(args, fixed, workdir, "fixed")
    if (got_after == 0) != (want_after == "observed"):
        raise TestFailure("oracle: after the fix awl reported %d unhandled "
                          "rejection(s), expected %s" % (got_after, want_after))
    print("oracle: after the fix awl reported %d" % got_after)


def run_and_compare(args, original, fixed, source_text, workdir):
    before = re.search(r"//\s*ELAPSED-BEFORE:\s*(\d+(?:\.\d+)?)\s*ms",
                       source_text)
    after = re.search(r"//\s*ELAPSED-AFTER:\s*(\d+(?:\.\d+)?)\s*ms",
                      source_text)
    if not before or not after:
        raise TestFailure("a RUN-AND-COMPARE test must state "
                          "// ELAPSED-BEFORE: <N>ms and // ELAPSED-AFTER: <N>ms")
    outputs = {}
    for what, path in (("original", original), ("fixed", fixed)):
        code, out, err = build_and_run(args, path, workdir, what)
        if code != 0:
            raise TestFailure("the %s program exited with %d:\n%s%s"
                              % (what, code, out, err))
        outputs[what] = out
    strip = lambda text: ELAPSED.sub("elapsed <N>ms", text)
    if strip(outputs["original"]) != strip(outputs["fixed"]):
        raise TestFailure("the fixed program prints something else:\n"
                          "--- original ---\n%s--- fixed ---\n%s"
                          % (outputs["original"], outputs["fixed"]))
    got_before = elapsed_of(outputs["original"], "the original")
    got_after = elapsed_of(outputs["fixed"], "the fixed")
    want_before, want_after = float(before.group(1)), float(after.group(1))
    if got_before != want_before or got_after != want_after:
        raise TestFailure("virtual time: expected %g ms before and %g ms after "
                          "the fix, got %g ms and %g ms"
                          % (want_before, want_after, got_before, got_after))
    print("run-and-compare: same output; elapsed %g ms -> %g ms"
          % (got_before, got_after))


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--awaitlint", required=True)
    parser.add_argument("--plugin", default=None,
                        help="run the host clang-tidy with --load=PLUGIN "
                             "instead of the awaitlint driver")
    parser.add_argument("--clang-tidy", default="clang-tidy-22",
                        help="host clang-tidy for --plugin")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("-I", "--include", action="append", default=[],
                        help="include directory for every compilation")
    parser.add_argument("--config", default="{}",
                        help="clang-tidy --config (e.g. check options)")
    parser.add_argument("--fix-notes", action="store_true",
                        help="also apply fix-its attached to notes")
    parser.add_argument("--clang-format", default=None,
                        help="copy this file next to the test's copy as "
                        ".clang-format and pass --format-style=file, as a "
                        "user with a style file does")
    parser.add_argument("--run-and-compare", action="store_true")
    parser.add_argument("--crlf", action="store_true",
                        help="run on a copy with CRLF line endings; every "
                             "line of the fixed file must keep them")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp")
    args = parser.parse_args(argv)
    args.extra = extra

    with open(args.input, encoding="utf-8") as f:
        source_text = f.read()
    # Blank the CHECK lines: line numbers stay, and CHECK-FIXES lines cannot
    # match themselves in the fixed file.
    input_text = CHECK_LINE.sub("//", source_text)

    workdir = args.temp + ".d"
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    name = os.path.basename(args.input)
    original = os.path.join(workdir, "original-" + name)
    fixed = os.path.join(workdir, name)
    for path in (original, fixed):
        with open(path, "w", encoding="utf-8",
                  newline="\r\n" if args.crlf else "\n") as f:
            f.write(input_text)
    if args.clang_format:
        shutil.copyfile(args.clang_format,
                        os.path.join(workdir, ".clang-format"))

    tool = [args.awaitlint]
    if args.plugin:
        tool = [args.clang_tidy, "--load=" + args.plugin]
    cmd = tool + [fixed, "--checks=-*," + args.checks, "--fix",
           "--config=" + args.config]
    if args.fix_notes:
        cmd.append("--fix-notes")
    if args.clang_format:
        cmd.append("--format-style=file")
    cmd += ["--"] + compile_flags(args)
    print("$ " + show(cmd))
    code, out, err = run(cmd)
    print(out, end="")
    if code != 0 or re.search(r"^\S.*:\d+:\d+: error: ", out, re.M):
        raise TestFailure("awaitlint failed (exit %d):\n%s%s" % (code, out, err))

    warnings = len(re.findall(
        r"^\S.*:\d+:\d+: warning: .*\[async-unhandled-rejection\]$", out, re.M))
    has_messages = "CHECK-MESSAGES" in source_text
    has_notes = "CHECK-NOTES" in source_text
    if has_messages:
        filecheck(args, args.input, diagnostics(out, {"warning", "error"}),
                  "CHECK-MESSAGES",
                  ["--implicit-check-not={{warning|error}}:"])
    if has_notes:
        filecheck(args, args.input,
                  diagnostics(out, {"warning", "error", "note"}),
                  "CHECK-NOTES",
                  ["--implicit-check-not={{warning|error|note}}:"])
    if not has_messages and not has_notes:
        unexpected = [l for l in out.splitlines()
                      if DIAGNOSTIC.match(l) and re.search(r"\[async-", l)]
        if unexpected:
            raise TestFailure("negative test, yet awaitlint warned:\n"
                              + "\n".join(unexpected))
        print("negative test: no async- diagnostics")

    with open(fixed, encoding="utf-8", newline="") as f:
        fixed_text = f.read()
    if args.crlf:
        bare = [n + 1 for n, line in
                enumerate(fixed_text.split("\n")[:-1]) if not line.endswith("\r")]
        if bare:
            raise TestFailure("--fix left lines without CR in a CRLF file: "
                              "lines %s" % bare)
        fixed_text = fixed_text.replace("\r\n", "\n")
    if "CHECK-FIXES" in source_text:
        filecheck(args, args.input, fixed_text, "CHECK-FIXES",
                  ["--strict-whitespace"])
    elif fixed_text != input_text:
        code, diff, _ = run(["diff", "-u", original, fixed])
        raise TestFailure("no CHECK-FIXES, yet --fix changed the file:\n"
                          + diff)

    # An unchanged file compiled already: awaitlint parsed it without error.
    if fixed_text != input_text:
        cmd = [args.clangxx] + compile_flags(args) + ["-fsyntax-only", fixed]
        code, out, err = run(cmd)
        if code != 0:
            raise TestFailure("the fixed file does not compile:\n$ %s\n%s%s\n"
                              "--- fixed file ---\n%s"
                              % (show(cmd), out, err, fixed_text))
        print("fixed file compiles")

    if args.run_and_compare or "// RUN-AND-COMPARE" in source_text:
        run_and_compare(args, original, fixed, source_text, workdir)
    oracle(args, source_text, warnings, original, fixed,
           fixed_text != input_text, workdir)


if __name__ == "__main__":
    try:
        main()
    except TestFailure as failure:
        print("FAIL: %s" % failure, file=sys.stderr)
        sys.exit(1)
