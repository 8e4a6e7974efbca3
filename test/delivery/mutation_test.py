#!/usr/bin/env python3
"""Mutation run: the async-* checks must survive broken code.

    mutation_test.py --driver AWAITLINT --plugin LIBAWAITLINT.so
                     --clangd AWAITLINT-CLANGD --source-root REPO --work DIR
                     [--count N] [--seed S] [--jobs J] [--time-budget SECONDS]

Inputs are the project's tests and examples (test/checks, test/diff/cases,
runtime/tests, runtime/examples, test/delivery/sample) and asio's coroutine
headers and examples from Debian (libasio-dev, libasio-doc), mutated with a
fixed seed: tokens deleted, duplicated, replaced or swapped, lines
duplicated or deleted, files truncated, brackets inserted or deleted,
co_await/co_return/co_yield deleted, exchanged or inserted. Input i depends
only on the seed and i, so `--seed S --only i` reproduces it.

Every input goes through the three deliveries: the driver with --fix-notes
on a copy, clang-tidy-22 loading the plugin, and awaitlint-clangd over LSP.
Diagnostics and compile errors are fine; a crash (a signal, an exit code
clang-tidy never uses, "PLEASE submit a bug report", "Stack dump:", an
assertion...) or a hang (a per-process timeout) fails the run. The input,
the command and the output of each failure are saved under WORK/failures.

Speed: every input starts with the same two lines,
    #include "awaitlint-mutation-PROFILE.hpp"
    static_assert(true);
The header includes everything the profile's sources include. The driver
and the plugin get it as a precompiled header (-include-pch, built with
-fpch-instantiate-templates, without which each TU redoes the header's
template instantiations), many files per process; clangd keeps one
document per profile and gets each input as a didChange, so it reuses the
preamble the first line gives it. The sources' own #include lines then hit
include guards. Python's standard library only.
"""

import argparse
import bisect
import collections
import errno
import json
import os
import queue
import random
import resource
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback

import lsp_test  # the LSP message framing, shared with delivery.clangd-lsp (same directory)

CHECKS = "-*,async-*"
TIDY_EXIT_CODES = (0, 1)  # clang-tidy: 0, or 1 for compile errors/bad use
CRASH_TEXT = re.compile(
    r"^(?:PLEASE submit a bug report.*|Stack dump:|LLVM ERROR:.*"
    r"|.*UNREACHABLE executed.*|.*Assertion `.*' failed\.?"
    r"|terminate called .*|.*ERROR: AddressSanitizer.*"
    r"|Signalled (?:during|while) .*)$", re.M)
ASYNC_WARNING = re.compile(r"^(\S.*?):\d+:\d+: warning: .*\[(async-[\w-]+)\]$", re.M)
ERROR_LINE = re.compile(r"^(\S.*?):\d+:\d+: (?:fatal )?error: ", re.M)
INPUT_NAME = re.compile(r"m\d{6}\.cpp$")
PREFIX = '#include "awaitlint-mutation-{}.hpp"\nstatic_assert(true);\n'

# ---------------------------------------------------------------------------
# Tokens and mutations

TOKEN = re.compile(r"""
  (?P<ws>\s+)
| (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
| (?P<string>(?:u8|[uUL])?R"(?P<delim>[^()\\\s"]{0,16})\(.*?(?:\)(?P=delim)"|\Z)
            | (?:u8|[uUL])?"(?:\\.|[^"\\\n])*"?
            | (?:u8|[uUL])?'(?:\\.|[^'\\\n])*'?)
| (?P<number>\.?\d(?:[eEpP][+-]|[\w.'])*)
| (?P<ident>[A-Za-z_]\w*)
| (?P<punct>>>=|<<=|<=>|->\*|\.\.\.|::|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\|
            |[-+*/%&|^]=|\.\*|\#\#|.)
""", re.S | re.X)

COROUTINE_WORDS = ("co_await", "co_return", "co_yield")
BRACKETS = "{}()[]<>"


def tokenize(text):
    """(start, end, text) of each token; comments and spaces are not tokens."""
    tokens = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        tokens.append((m.start(), m.end(), m.group()))
    return tokens


def where(text, offset):
    line = text.count("\n", 0, offset) + 1
    return "%d:%d" % (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def pick(tokens, rng):
    """A token index, near a co_* keyword three times out of five: that is
    where the checks look."""
    near = [i for i, t in enumerate(tokens) if t[2] in COROUTINE_WORDS]
    if near and rng.random() < 0.6:
        i = rng.choice(near) + rng.randint(-12, 12)
        return max(0, min(len(tokens) - 1, i))
    return rng.randrange(len(tokens))


def splice(text, start, end, new):
    return text[:start] + new + text[end:]


def op_delete_token(text, tokens, rng):
    s, e, t = tokens[pick(tokens, rng)]
    return splice(text, s, e, ""), "delete %r at %s" % (t, where(text, s))


def op_swap_tokens(text, tokens, rng):
    i = min(pick(tokens, rng), len(tokens) - 2)
    if i < 0:
        return op_delete_token(text, tokens, rng)
    (s1, e1, t1), (s2, e2, t2) = tokens[i], tokens[i + 1]
    return (text[:s1] + t2 + text[e1:s2] + t1 + text[e2:],
            "swap %r %r at %s" % (t1, t2, where(text, s1)))


def op_duplicate_token(text, tokens, rng):
    s, e, t = tokens[pick(tokens, rng)]
    return splice(text, e, e, " " + t), "duplicate %r at %s" % (t, where(text, s))


def op_replace_token(text, tokens, rng):
    s, e, t = tokens[pick(tokens, rng)]
    other = rng.choice(tokens)[2]
    return (splice(text, s, e, other),
            "replace %r by %r at %s" % (t, other, where(text, s)))


def line_bounds(text, offset):
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end + 1)


def op_duplicate_line(text, tokens, rng):
    s, _, _ = tokens[pick(tokens, rng)]
    ls, le = line_bounds(text, s)
    line = text[ls:le] if text[ls:le].endswith("\n") else text[ls:le] + "\n"
    return splice(text, le, le, line), "duplicate line %s" % where(text, s).split(":")[0]


def op_delete_line(text, tokens, rng):
    s, _, _ = tokens[pick(tokens, rng)]
    ls, le = line_bounds(text, s)
    return splice(text, ls, le, ""), "delete line %s" % where(text, s).split(":")[0]


def op_truncate(text, tokens, rng):
    # Anywhere, also inside a token, a comment or a string.
    cut = rng.randrange(len(text))
    return text[:cut], "truncate at %s" % where(text, cut)


def op_insert_bracket(text, tokens, rng):
    s, _, _ = tokens[pick(tokens, rng)]
    b = rng.choice(BRACKETS)
    return splice(text, s, s, b + " "), "insert %r at %s" % (b, where(text, s))


def op_delete_bracket(text, tokens, rng):
    # The bracket nearest to the chosen position.
    brackets = [i for i, t in enumerate(tokens) if t[2] in BRACKETS]
    if not brackets:
        return op_insert_bracket(text, tokens, rng)
    i = pick(tokens, rng)
    j = min(brackets, key=lambda b: abs(b - i))
    s, e, t = tokens[j]
    return splice(text, s, e, ""), "delete %r at %s" % (t, where(text, s))


def op_delete_semicolon(text, tokens, rng):
    semis = [i for i, t in enumerate(tokens) if t[2] == ";"]
    if not semis:
        return op_delete_token(text, tokens, rng)
    i = pick(tokens, rng)
    s, e, _ = tokens[min(semis, key=lambda b: abs(b - i))]
    return splice(text, s, e, ""), "delete ';' at %s" % where(text, s)


def op_delete_coroutine_word(text, tokens, rng):
    words = [t for t in tokens if t[2] in COROUTINE_WORDS]
    if not words:
        return op_delete_token(text, tokens, rng)
    s, e, t = rng.choice(words)
    return splice(text, s, e, ""), "delete %r at %s" % (t, where(text, s))


def op_change_coroutine_word(text, tokens, rng):
    words = [t for t in tokens if t[2] in COROUTINE_WORDS]
    if not words:
        return op_insert_co_await(text, tokens, rng)
    s, e, t = rng.choice(words)
    new = rng.choice([w for w in COROUTINE_WORDS if w != t] + ["co_await co_await"])
    return splice(text, s, e, new), "replace %r by %r at %s" % (t, new, where(text, s))


def op_insert_co_await(text, tokens, rng):
    s, _, t = tokens[pick(tokens, rng)]
    return (splice(text, s, s, "co_await "),
            "insert 'co_await' before %r at %s" % (t, where(text, s)))


def op_delete_range(text, tokens, rng):
    i = pick(tokens, rng)
    j = min(len(tokens) - 1, i + rng.randint(1, 12))
    s, e = tokens[i][0], tokens[j][1]
    return splice(text, s, e, ""), "delete %d tokens at %s" % (j - i + 1, where(text, s))


def op_duplicate_range(text, tokens, rng):
    i = pick(tokens, rng)
    j = min(len(tokens) - 1, i + rng.randint(1, 12))
    s, e = tokens[i][0], tokens[j][1]
    return (splice(text, e, e, " " + text[s:e]),
            "duplicate %d tokens at %s" % (j - i + 1, where(text, s)))


MUTATIONS = [  # (weight, operator)
    (12, op_delete_token), (8, op_swap_tokens), (5, op_duplicate_token),
    (6, op_replace_token), (4, op_duplicate_line), (5, op_delete_line),
    (6, op_truncate), (7, op_insert_bracket), (7, op_delete_bracket),
    (4, op_delete_semicolon), (7, op_delete_coroutine_word),
    (6, op_change_coroutine_word), (6, op_insert_co_await),
    (5, op_delete_range), (3, op_duplicate_range),
]
_CUMULATIVE = []
for _w, _ in MUTATIONS:
    _CUMULATIVE.append((_CUMULATIVE[-1] if _CUMULATIVE else 0) + _w)


def mutate(text, rng):
    """The mutated text and what was done, 1 to 3 mutations."""
    done = []
    original = text
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        tokens = tokenize(text)
        if not tokens:
            break
        k = bisect.bisect_right(_CUMULATIVE, rng.randrange(_CUMULATIVE[-1]))
        text, what = MUTATIONS[k][1](text, tokens, rng)
        done.append(what)
    if text == original:  # e.g. a token replaced by itself
        tokens = tokenize(text)
        if tokens:
            text, what = op_delete_token(text, tokens, rng)
            done.append(what)
    return text, done

# ---------------------------------------------------------------------------
# Sources and profiles


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"][^>"]+[>"])', re.M)
STD_HEADER = re.compile(r"^<[a-z_0-9]+(\.h)?>$")
FRAMEWORKS = ("cppcoro/", "async_simple/", "seastar/", "boost/cobalt", "drogon/",
              "folly/", "trantor/")
# Where the sources' own headers are (the tests' APIs, the mocks, shop/).
LOCAL_DIRS = ("test/checks/Inputs", "runtime/tests", "test/diff",
              "test/delivery/sample/include", "examples/include")
# The tests' own headers whose names all live in a namespace: they can go
# into a prelude. The others declare global functions that some tests
# declare differently.
NAMESPACED = ('"case_registry.hpp"', '"test_support.hpp"')
# asio without its coroutine headers: those are inputs, and as main files
# they must not be hidden by their include guards in the PCH.
ASIO_CORE = ["asio/io_context.hpp", "asio/any_io_executor.hpp", "asio/post.hpp",
             "asio/dispatch.hpp", "asio/detached.hpp", "asio/steady_timer.hpp",
             "asio/signal_set.hpp", "asio/ip/tcp.hpp", "asio/write.hpp",
             "asio/read_until.hpp", "asio/redirect_error.hpp",
             "asio/experimental/as_tuple.hpp", "asio/experimental/as_single.hpp"]


def library_kind(inc):
    """'std', 'awl', 'libcoro', 'framework', 'gtest', 'asio', or None (the
    tests' own)."""
    name = inc[1:-1]
    if STD_HEADER.match(inc):
        return "std"
    if name.startswith("awl/"):
        return "awl"
    if name.startswith("coro/"):
        return "libcoro"
    if name.startswith(FRAMEWORKS):
        return "framework"
    if name == "gtest/gtest.h":
        return "gtest"
    if name == "asio.hpp" or name.startswith("asio/"):
        return "asio"
    return None


# name, the library headers it covers; a source gets the first that covers
# everything it includes, directly or through its own headers.
# The libcoro mock has a profile of its own: its ::coro is ambiguous next to
# async_simple's coro once a test says 'using namespace async_simple'.
PROFILES = [
    ("awl", {"std", "awl"}),
    ("libcoro", {"std", "awl", "libcoro"}),
    ("frameworks", {"std", "awl", "libcoro", "framework"}),
    ("gtest", {"std", "awl", "gtest"}),
    ("asio", {"std", "awl", "libcoro", "framework", "asio"}),
]


def in_prelude(inc, profile):
    kind = library_kind(inc)
    return kind in ("std", "awl", "framework", "gtest") or inc in NAMESPACED \
        or kind == "libcoro" and profile == "libcoro"


class Source:
    def __init__(self, args, path, text):
        self.path, self.text = path, text
        # Every include, also those of the source's own headers.
        self.includes, kinds = [], set()
        direct = [m.group(1) for m in INCLUDE.finditer(text)]
        expand_includes(args, direct, self.includes, kinds)
        self.profile = next((name for name, covered in PROFILES if kinds <= covered),
                            None)


def expand_includes(args, includes, found, kinds):
    """Adds includes and those of the local headers among them to found,
    and their kinds to kinds ('unknown': neither a library nor local)."""
    for inc in includes:
        if inc in found:
            continue
        found.append(inc)
        kind = library_kind(inc)
        if kind:
            kinds.add(kind)
            continue
        for d in LOCAL_DIRS:
            path = os.path.join(args.source_root, d, inc[1:-1])
            if os.path.isfile(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    more = [m.group(1) for m in INCLUDE.finditer(f.read())]
                expand_includes(args, more, found, kinds)
                break
        else:
            kinds.add("unknown")


def profile_flags(args, profile):
    root = args.source_root
    # -fno-spell-checking: for every unknown name, typo correction searches
    # the whole prelude, a tenth of the time on inputs that nine times out
    # of ten do not compile; without it the name stays a RecoveryExpr, the
    # odder tree for the checks.
    flags = ["-std=c++20", "-fno-spell-checking"]
    if profile == "asio":
        flags += ["-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1"]
    # -isystem: clang-tidy then skips the headers' declarations when it
    # walks the AST (the main file's code is what is mutated).
    for d in ("runtime/include",) + LOCAL_DIRS:
        flags.append("-isystem" + os.path.join(root, d))
    flags.append("-I" + args.pch_dir)
    return flags


def asio_header_sources(asio_include):
    """asio's headers with coroutine code, each with its impl/ file inlined
    (impl files are not self-contained)."""
    found = set()
    for dirpath, _, names in os.walk(asio_include):
        if "/detail" in dirpath[len(asio_include):]:
            continue
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                if not re.search(r"\bco_(await|return|yield)\b", f.read()):
                    continue
            if os.path.basename(dirpath) == "impl":
                parent = os.path.join(os.path.dirname(dirpath), name)
                if os.path.exists(parent):
                    found.add(parent)
            else:
                found.add(path)
    sources = []
    for path in sorted(found):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        rel = os.path.relpath(path, os.path.dirname(asio_include))
        impl = os.path.join(os.path.dirname(rel), "impl", os.path.basename(rel))
        pattern = re.compile(r'^\s*#\s*include\s*"%s"\s*$' % re.escape(impl), re.M)
        impl_path = os.path.join(os.path.dirname(asio_include), impl)
        if pattern.search(text) and os.path.exists(impl_path):
            with open(impl_path, encoding="utf-8", errors="replace") as f:
                text = pattern.sub(lambda _: f.read(), text, count=1)
        sources.append((path, text))
    return sources


def collect_sources(args):
    """(sources, paths skipped because no profile covers their includes)."""
    root = args.source_root
    files = []
    for d in ("test/checks", "test/checks/Inputs/mock-selftest", "test/diff/cases",
              "runtime/tests", "runtime/examples", "test/delivery/sample/src",
              "examples"):
        for dirpath, _, names in sorted(os.walk(os.path.join(root, d))):
            if d != "examples" and dirpath != os.path.join(root, d):
                continue
            files += [os.path.join(dirpath, n) for n in sorted(names)
                      if n.endswith(".cpp")]
    texts = []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        # The mock self-tests include their loop relative to themselves.
        texts.append((path, text.replace('#include "../mock_loop.hpp"',
                                         '#include "mock_loop.hpp"')))
    for dirpath, _, names in sorted(os.walk(args.asio_examples)):
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            if name.endswith(".cpp"):
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if "co_await" in text:
                    texts.append((path, text))
    asio_dir = os.path.join(args.asio_include, "asio")
    if os.path.isdir(asio_dir):
        texts += asio_header_sources(asio_dir)
    sources, skipped = [], []
    for path, text in texts:
        source = Source(args, path, text)
        if path.startswith(asio_dir + "/"):
            source.profile = "asio"
        if source.profile is None:
            skipped.append(path)
        else:
            sources.append(source)
    return sources, skipped


def prelude_text(profile, sources):
    includes = set()
    for s in sources:
        # asio's headers include more than this configuration compiles.
        if s.profile == profile and not s.path.endswith(".hpp"):
            includes.update(i for i in s.includes if in_prelude(i, profile))
    std = sorted(i for i in includes if STD_HEADER.match(i))
    lines = ["// Made by mutation_test.py: the headers the %s sources include." % profile,
             "#ifndef AWAITLINT_MUTATION_PRELUDE", "#define AWAITLINT_MUTATION_PRELUDE"]
    lines += ["#include " + i for i in std + sorted(includes - set(std))]
    if profile == "asio":
        lines += ["#include <%s>" % h for h in ASIO_CORE]
    lines.append("#endif")
    return "\n".join(lines) + "\n"

# ---------------------------------------------------------------------------
# Running the tools


LIVE = set()  # the processes started and not yet reaped
LIVE_LOCK = threading.Lock()


def end_children(signum, _frame):
    """On SIGTERM (a CTest timeout) or ^C: our tools run in their own
    process groups, so end those groups, then exit."""
    with LIVE_LOCK:
        for proc in LIVE:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
    print("mutation: stopped by signal %d" % signum, flush=True)
    os._exit(128 + signum)


def reap(proc, timeout):
    """Waits for proc: (returncode, or None if it outlived the timeout and
    was killed; its CPU seconds). It runs in its own process group, so
    killing the group ends it and what it started, nothing else."""
    deadline = time.monotonic() + timeout
    pause = 0.002
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            status = None
            break
        time.sleep(pause)
        pause = min(pause * 2, 0.05)
    with LIVE_LOCK:
        LIVE.discard(proc)
    cpu = usage.ru_utime + usage.ru_stime
    if status is None:
        proc.returncode = -signal.SIGKILL
        return None, cpu
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, cpu


def start(command, **kwargs):
    """Popen, retried for a minute while the binary is missing or being
    written (a rebuild relinking it)."""
    for attempt in range(60):
        try:
            with LIVE_LOCK:
                proc = subprocess.Popen(command, start_new_session=True, **kwargs)
                LIVE.add(proc)
            return proc
        except OSError as e:
            if e.errno not in (errno.ENOENT, errno.ETXTBSY) or attempt == 59:
                raise
            time.sleep(1)


def run_process(command, timeout, cwd=None, env=None):
    """(returncode or None on timeout, output, CPU seconds)."""
    with tempfile.TemporaryFile() as out:
        proc = start(command, stdout=out, stderr=subprocess.STDOUT,
                     stdin=subprocess.DEVNULL, cwd=cwd, env=env)
        code, cpu = reap(proc, timeout)
        out.seek(0)
        return code, out.read().decode("utf-8", "replace"), cpu


def verdict(returncode, output, normal=TIDY_EXIT_CODES):
    """None if the tool only reported; else 'hang' or 'crash: why'."""
    if returncode is None:
        return "hang"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = str(-returncode)
        return "crash: killed by %s" % name
    m = CRASH_TEXT.search(output)
    if m:
        return "crash: %s" % m.group(0).strip()[:200]
    if returncode not in normal:
        return "crash: exit code %d" % returncode
    return None


def tool_env(work):
    env = dict(os.environ)
    # Symbolized stack dumps, and no user clangd config.
    symbolizer = (shutil.which("llvm-symbolizer-22")
                  or "/usr/lib/llvm-22/bin/llvm-symbolizer")
    if os.path.exists(symbolizer):
        env["LLVM_SYMBOLIZER_PATH"] = symbolizer
    env["XDG_CONFIG_HOME"] = os.path.join(work, "xdg")
    return env


class Failure:
    def __init__(self, tool, kind, indices, command, output, note=""):
        self.tool, self.kind, self.indices = tool, kind, indices
        self.command, self.output, self.note = command, output, note


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.runs = {"driver": 0, "plugin": 0, "clangd": 0}
        self.processes = {"driver": 0, "plugin": 0, "clangd": 0}
        self.async_diags = {"driver": 0, "plugin": 0, "clangd": 0}
        self.with_errors = {"driver": 0, "plugin": 0, "clangd": 0}
        self.cpu = {"driver": 0.0, "plugin": 0.0, "clangd": 0.0, "pch": 0.0}
        self.done = {}  # input index -> set of tools that ran it

    def add(self, tool, indices, async_diags=0, with_errors=0, processes=1, cpu=0.0):
        with self.lock:
            self.cpu[tool] += cpu
            if tool == "pch":
                return
            self.runs[tool] += len(indices)
            self.processes[tool] += processes
            self.async_diags[tool] += async_diags
            self.with_errors[tool] += with_errors
            for i in indices:
                self.done.setdefault(i, set()).add(tool)


BUILT_PCHS = {}  # PCH path -> prelude text, built by this process


class Run:
    """One mutation run: its inputs, its tools, where it writes."""

    def __init__(self, args, sources, indices, tools, stats, quiet=False):
        self.args, self.sources, self.tools, self.stats = args, sources, tools, stats
        self.quiet = quiet
        self.env = tool_env(args.work)
        self.run_dir = os.path.join(args.work, "run")
        # A run costs what clang spends on the inputs: asio's sources and the
        # gtest files a second or more each, the framework mocks' users a
        # few tenths, the rest a tenth. The costly kinds get fixed shares.
        shares = ((("asio",), args.asio_share), (("gtest",), args.gtest_share),
                  (("frameworks", "libcoro"), args.frameworks_share))
        pools = [(share, [s for s in sources if s.profile in profiles])
                 for profiles, share in shares]
        costly = {p for profiles, _ in shares for p in profiles}
        pools.append((1.0, [s for s in sources if s.profile not in costly]))
        self.pools = [(share, pool) for share, pool in pools if pool]
        self.plan = {i: self.choose(i) for i in indices}
        self.deadline = time.monotonic() + args.time_budget
        self.pch_lock = threading.Lock()
        self.pch_done = {}
        self.manifest_lock = threading.Lock()
        self.batch_lock = threading.Lock()
        self.batch_users = {}
        self.batch_written = {}
        self.errors = []  # the harness's own failures

    # -- inputs
    def draw(self, i):
        """Input i's source, and the generator its mutations continue with."""
        rng = random.Random("%s:%d" % (self.args.seed, i))
        r = rng.random()
        for share, pool in self.pools:
            if r < share or pool is self.pools[-1][1]:
                return pool[rng.randrange(len(pool))], rng
            r -= share

    def choose(self, i):
        return self.draw(i)[0]

    def input_text(self, i):
        source, rng = self.draw(i)
        text, done = mutate(source.text, rng)
        return PREFIX.format(source.profile) + text, done

    def input_path(self, batch, i):
        return os.path.join(self.run_dir, "inputs", batch, "m%06d.cpp" % i)

    def write_batch(self, batch, indices):
        """Writes the batch's inputs once; the last of its three users
        removes them unless something failed."""
        with self.batch_lock:
            written = self.batch_written.get(batch)
            owner = written is None
            if owner:
                written = self.batch_written[batch] = threading.Event()
                self.batch_users[batch] = len(self.tools)
        if not owner:
            written.wait()
            return
        try:
            self.write_inputs(batch, indices)
        finally:
            written.set()

    def write_inputs(self, batch, indices):
        d = os.path.join(self.run_dir, "inputs", batch)
        os.makedirs(d, exist_ok=True)
        lines = []
        for i in indices:
            text, done = self.input_text(i)
            with open(self.input_path(batch, i), "w", encoding="utf-8") as f:
                f.write(text)
            lines.append("%d\t%s\t%s\t%s\n" % (i, self.plan[i].profile, self.plan[i].path,
                                             "; ".join(done)))
        with self.manifest_lock:
            manifest = os.path.join(self.run_dir, "manifest.tsv")
            with open(manifest, "a", encoding="utf-8") as f:
                f.writelines(lines)

    def release_batch(self, batch, failed):
        with self.batch_lock:
            self.batch_users[batch] -= 1
            last = self.batch_users[batch] == 0
        if last and not failed and not self.args.keep:
            shutil.rmtree(os.path.join(self.run_dir, "inputs", batch), ignore_errors=True)

    # -- precompiled preludes
    def pch(self, profile):
        """Builds the profile's prelude header and PCH once."""
        with self.pch_lock:
            event = self.pch_done.get(profile)
            owner = event is None
            if owner:
                event = self.pch_done[profile] = threading.Event()
        header = os.path.join(self.args.pch_dir, "awaitlint-mutation-%s.hpp" % profile)
        pch = header + ".pch"
        if not owner:
            event.wait()
            return pch
        try:
            text = prelude_text(profile, self.sources)
            if BUILT_PCHS.get(pch) == text:
                return pch
            self.write_prelude(profile)
            command = ([self.args.clangxx, "-x", "c++-header",
                        "-fpch-instantiate-templates", "-H"]
                       + profile_flags(self.args, profile) + [header, "-o", pch])
            start = time.monotonic()
            code, out, cpu = run_process(command, 600, env=self.env)
            self.stats.add("pch", [], cpu=cpu, processes=0)
            if code != 0:
                raise SystemExit("ERROR: the %s prelude does not compile:\n%s\n%s"
                                 % (profile, " ".join(command), out[-4000:]))
            # Sanity: no asio input may be hidden by a guard in the PCH.
            included = set(os.path.realpath(l.split(" ", 1)[1])
                           for l in out.splitlines() if re.match(r"^\.+ ", l))
            hidden = [s.path for s in self.sources
                      if s.profile == profile and os.path.realpath(s.path) in included]
            if hidden:
                raise SystemExit("ERROR: the %s prelude includes inputs: %s"
                                 % (profile, hidden))
            BUILT_PCHS[pch] = text
            self.log("prelude %s: PCH in %.1f s" % (profile, time.monotonic() - start))
        finally:
            event.set()
        return pch

    def write_prelude(self, profile):
        os.makedirs(self.args.pch_dir, exist_ok=True)
        header = os.path.join(self.args.pch_dir, "awaitlint-mutation-%s.hpp" % profile)
        text = prelude_text(profile, self.sources)
        if not os.path.exists(header) or open(header, encoding="utf-8").read() != text:
            with open(header, "w", encoding="utf-8") as f:
                f.write(text)
        return header

    def log(self, message):
        if not self.quiet:
            print(message, flush=True)

    # -- driver and plugin
    def tidy_command(self, tool, files, profile, pch):
        flags = profile_flags(self.args, profile) + ["-include-pch", pch]
        if tool == "driver":
            head = [self.tools["driver"], "--checks=" + CHECKS, "--fix-notes"]
        else:
            head = [self.args.clang_tidy, "--load=" + self.tools["plugin"],
                    "--checks=" + CHECKS]
        return head + files + ["--"] + flags

    def tidy_batch(self, tool, batch, indices):
        profile = self.plan[indices[0]].profile
        self.write_batch(batch, indices)
        pch = self.pch(profile)
        failures = self.tidy_run(tool, batch, indices, profile, pch, top=True)
        self.release_batch(batch, bool(failures))
        return failures

    def tidy_run(self, tool, batch, indices, profile, pch, top=False):
        """Runs the tool on the inputs; on a crash, halves them until the
        crashing input is alone; on a hang, runs them one by one."""
        sources = [self.input_path(batch, i) for i in indices]
        if tool == "driver":  # --fix-notes rewrites the files: a fresh copy
            d = os.path.join(self.run_dir, "driver",
                             "%s-%d-%d" % (batch, indices[0], len(indices)))
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            files = [shutil.copy(p, d) for p in sources]
        else:
            files = sources
        command = self.tidy_command(tool, files, profile, pch)
        timeout = self.args.timeout + self.args.batch_timeout * (len(indices) - 1)
        code, out, cpu = run_process(command, timeout, cwd=self.run_dir, env=self.env)
        self.stats.add(tool, [], cpu=cpu, processes=0)
        if tool == "driver":
            shutil.rmtree(d, ignore_errors=True)
        what = verdict(code, out)
        if what is None:
            if top:
                broken = {f for f in ERROR_LINE.findall(out) if INPUT_NAME.search(f)}
                self.stats.add(tool, indices, len(ASYNC_WARNING.findall(out)),
                               len(broken))
            return []
        if len(indices) == 1:
            return [Failure(tool, what, indices, command, out)]
        if what == "hang":
            parts = [[i] for i in indices]
        else:
            parts = [indices[:len(indices) // 2], indices[len(indices) // 2:]]
        failures = []
        for part in parts:
            failures += self.tidy_run(tool, batch, part, profile, pch)
        if not failures:
            failures = [Failure(tool, what, indices, command, out,
                                "only when these inputs are run together")]
        if top:
            self.stats.add(tool, indices)
        return failures

    # -- clangd
    def clangd_batches(self, name, batches):
        """One clangd for these batches: each of their inputs as a new
        version of one document, waiting for its diagnostics each time."""
        profile = self.plan[batches[0][1][0]].profile
        self.write_prelude(profile)
        root = os.path.join(self.run_dir, "clangd", name)
        os.makedirs(root, exist_ok=True)
        doc = os.path.join(root, "%s.cpp" % profile)
        write_clangd_project(root, doc, profile_flags(self.args, profile),
                             self.args.clangxx)
        failures = []
        session = None
        previous = None  # the input the session had before, if any
        try:
            for batch, indices in batches:
                if time.monotonic() > self.deadline:
                    break
                self.write_batch(batch, indices)
                batch_failed = False
                for i in indices:
                    if time.monotonic() > self.deadline:
                        break
                    with open(self.input_path(batch, i), encoding="utf-8") as f:
                        text = f.read()
                    if session is None:
                        session = self.clangd_session(root)
                        previous = None
                    what, diags = session.check(doc, text, self.clangd_timeout(session))
                    if what is None:
                        ours = [d for d in diags
                                if str(d.get("code", "")).startswith("async-")]
                        broken = any(d.get("severity") == 1 for d in diags)
                        self.stats.add("clangd", [i], len(ours), int(broken), processes=0)
                        previous = (batch, i)
                        continue
                    log = session.stop()
                    self.stats.add("clangd", [i], processes=0, cpu=session.cpu)
                    session = None
                    failures.append(self.clangd_culprit(root, doc, (batch, i), previous,
                                                        what, log))
                    batch_failed = True
                self.release_batch(batch, batch_failed)
        finally:
            if session is not None:
                code, log = session.close()
                self.stats.add("clangd", [], processes=0, cpu=session.cpu)
                what = verdict(code, log, normal=(0,))
                if what is not None:
                    failures.append(self.clangd_culprit(
                        root, doc, previous, None, what, log,
                        "at shutdown, after this input"))
        return failures

    def clangd_session(self, root):
        self.stats.add("clangd", [], processes=1)
        n = len([n for n in os.listdir(root) if n.endswith(".log")])
        return ClangdSession(self.tools["clangd"], root, self.env,
                             os.path.join(root, "clangd-%d.log" % n))

    def clangd_timeout(self, session):
        first = session.version == 0  # the preamble is built first
        return self.args.timeout + (self.args.preamble_timeout if first else 0)

    def clangd_replay(self, root, doc, item):
        """Whether a fresh clangd fails on this input alone: (verdict, log)."""
        batch, i = item
        with open(self.input_path(batch, i), encoding="utf-8") as f:
            text = f.read()
        session = self.clangd_session(root)
        what, _ = session.check(doc, text, self.clangd_timeout(session))
        if what is None:
            code, log = session.close()
            what = verdict(code, log, normal=(0,))
        else:
            log = session.stop()
        self.stats.add("clangd", [], processes=0, cpu=session.cpu)
        return what, log

    def clangd_culprit(self, root, doc, current, previous, what, log, note=""):
        """clangd does some work after it publishes diagnostics (indexing):
        a failure may be the previous input's. Each is replayed alone."""
        command = ClangdSession.command(self.tools["clangd"], root)
        note = note + "; " if note else ""
        for item in (current, previous):
            if item is not None:
                again, again_log = self.clangd_replay(root, doc, item)
                if again is not None:
                    return Failure("clangd", again, [item[1]], command, again_log,
                                   note + "again when replayed alone")
        indices = [item[1] for item in (previous, current) if item is not None]
        return Failure("clangd", what, indices, command, log,
                       note + "not again when replayed alone")

    # -- failures
    def save(self, failure):
        inputs = "-".join("m%06d" % i for i in failure.indices[:4]) or "session"
        name = "%s-%s-%s" % (failure.tool, failure.kind.split(":")[0], inputs)
        d = os.path.join(self.args.work, "failures", name)
        os.makedirs(d, exist_ok=True)
        described = []
        for i in failure.indices:
            text, done = self.input_text(i)
            with open(os.path.join(d, "m%06d.cpp" % i), "w", encoding="utf-8") as f:
                f.write(text)
            described.append("m%06d.cpp: %s, %s"
                             % (i, self.plan[i].path, "; ".join(done)))
        with open(os.path.join(d, "output.txt"), "w", encoding="utf-8") as f:
            f.write(failure.output)
        with open(os.path.join(d, "command.sh"), "w", encoding="utf-8") as f:
            note = " (%s)" % failure.note if failure.note else ""
            f.write("#!/bin/sh\n# %s: %s%s\n# seed %s; inputs:\n%s"
                    % (failure.tool, failure.kind, note, self.args.seed,
                       "".join("#   %s\n" % s for s in described)))
            if failure.tool == "clangd":
                # clangd's --check mode parses the input and runs the checks.
                last = failure.indices[-1] if failure.indices else None
                flags = profile_flags(self.args, self.plan[last].profile) if last else []
                write_clangd_project(d, os.path.join(d, "input.cpp"), flags,
                                     self.args.clangxx)
                if last is not None:
                    shutil.copy(os.path.join(d, "m%06d.cpp" % last),
                                os.path.join(d, "input.cpp"))
                f.write('cd "$(dirname "$0")" && %s --crash-pragmas '
                        '--compile-commands-dir=. --check=input.cpp\n'
                        % shell_quote([self.tools["clangd"]]))
                f.write("# The run sent the input over LSP to: %s\n"
                        % " ".join(failure.command))
            else:
                files = ["m%06d.cpp" % i for i in failure.indices]
                command = []
                for a in failure.command:  # the saved copies instead of the run's
                    base = os.path.basename(a)
                    if base not in files:
                        command.append(a)
                    else:
                        driver = failure.tool == "driver"
                        command.append("work-" + base if driver else base)
                f.write('cd "$(dirname "$0")" || exit\n')
                if failure.tool == "driver":
                    f.write("".join("cp %s work-%s\n" % (n, n) for n in files))
                f.write(shell_quote(command) + "\n")
        os.chmod(os.path.join(d, "command.sh"), 0o755)
        return d, described


def shell_quote(words):
    return " ".join(w if re.match(r"^[\w@%+=:,./-]+$", w)
                    else "'" + w.replace("'", "'\\''") + "'" for w in words)


def write_clangd_project(root, doc, flags, clangxx):
    with open(os.path.join(root, ".clangd"), "w") as f:
        # Our checks only run when enabled and FastCheckFilter lets checks
        # clangd never timed through (docs/editors.md). The standard
        # library index would cost each clangd some 5 s of CPU.
        f.write("Diagnostics:\n  ClangTidy:\n    Add: [async-*]\n"
                "    FastCheckFilter: Loose\nIndex:\n  StandardLibrary: No\n")
    # -fpch-instantiate-templates: the preamble does the prelude's template
    # instantiations once, not every rebuild (a third of the time otherwise).
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        arguments = [clangxx] + flags + ["-fpch-instantiate-templates", "-c", doc]
        json.dump([{"directory": root, "file": doc, "arguments": arguments}], f)


class ClangdSession:
    """awaitlint-clangd over stdio LSP."""

    @staticmethod
    def command(clangd, root):
        # --crash-pragmas: the self-test's crashing input must crash it.
        return [clangd, "--log=error", "--background-index=false", "-j=1",
                "--pch-storage=memory", "--crash-pragmas",
                "--compile-commands-dir=" + root]

    def __init__(self, clangd, root, env, log_path):
        self.log = open(log_path, "w+b")
        self.proc = start(self.command(clangd, root), stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=self.log, cwd=root, env=env)
        self.messages = queue.Queue()
        self.write_lock = threading.Lock()
        self.version = 0  # of the document; 0: not open yet
        self.next_id = 1
        self.cpu = 0.0
        threading.Thread(target=self._read, daemon=True).start()
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"processId": os.getpid(), "rootUri": "file://" + root,
                              "capabilities": {"textDocument": {"publishDiagnostics": {
                                  "versionSupport": True}}}}})
        self.initialized = False

    def _read(self):
        try:
            while True:
                message = lsp_test.read_message(self.proc.stdout)
                if message is None:
                    self.messages.put(None)
                    return
                if "method" in message and "id" in message:
                    # A request from the server (workDoneProgress/create...).
                    self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                    continue
                self.messages.put(message)
        except (OSError, ValueError):
            self.messages.put(None)

    def send(self, message):
        body = json.dumps(message).encode()
        try:
            with self.write_lock:
                self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
                self.proc.stdin.flush()
        except (OSError, ValueError):
            pass  # the process is gone: the reader reports it

    def wait(self, accept, deadline):
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return "hang"
            try:
                message = self.messages.get(timeout=min(left, 1.0))
            except queue.Empty:
                continue
            if message is None:
                return "exited"
            if accept(message):
                return message

    def check(self, doc, text, timeout):
        """(None, diagnostics) or (verdict, None)."""
        deadline = time.monotonic() + timeout
        if not self.initialized:
            got = self.wait(lambda m: m.get("id") == 1, deadline)
            if isinstance(got, str):
                return self.failed(got), None
            self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
            self.initialized = True
        uri = "file://" + doc
        self.version += 1
        if self.version == 1:
            self.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
                "textDocument": {"uri": uri, "languageId": "cpp", "version": 1,
                                 "text": text}}})
        else:
            # wantDiagnostics: clangd's extension, no debounce delay.
            self.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": self.version},
                "contentChanges": [{"text": text}], "wantDiagnostics": True}})
        version = self.version
        got = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"].get("uri") == uri
                        and m["params"].get("version") == version, deadline)
        if isinstance(got, str):
            return self.failed(got), None
        return None, got["params"]["diagnostics"]

    def failed(self, how):
        if how == "hang":
            return "hang"
        code, self.cpu = reap(self.proc, 10)
        if code is None:
            return "crash: stopped answering"
        return verdict(code, self.read_log(), normal=()) or "crash: exit code %d" % code

    def read_log(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def stop(self):
        """Ends the process (after a crash or a hang); returns its log."""
        if self.proc.returncode is None:
            _, self.cpu = reap(self.proc, 0)
        log = self.read_log()
        self.log.close()
        return log

    def close(self):
        """Shuts the server down; (exit code or None, log)."""
        self.next_id += 1
        ident = self.next_id
        self.send({"jsonrpc": "2.0", "id": ident, "method": "shutdown", "params": None})
        self.wait(lambda m: m.get("id") == ident, time.monotonic() + 30)
        self.send({"jsonrpc": "2.0", "method": "exit", "params": None})
        code, self.cpu = reap(self.proc, 30)
        log = self.read_log()
        self.log.close()
        return code, log

# ---------------------------------------------------------------------------
# Scheduling


def plan_tasks(run, indices):
    """(tool, payload) in the order to run them. In waves of --wave
    consecutive inputs: one clangd session per kind of source, the driver
    and plugin batches of the same inputs, the longest tasks first; so when
    the time budget stops a large run, the inputs it reached have been
    through all three tools. The PCHs come right after the first task (the
    driver and plugin runs wait for them)."""
    cost = {"asio": 1.2, "gtest": 1.0}  # rough CPU seconds per input and tool
    groups = {}
    for i in indices:
        groups.setdefault((i // run.args.wave, run.plan[i].profile), []).append(i)
    ordered = []
    for wave in sorted({w for w, _ in groups}):
        tasks = []
        for profile in sorted(p for w, p in groups if w == wave):
            items = groups[wave, profile]
            size = run.args.heavy_batch if profile in cost else run.args.batch
            batches = [("%s%d-%d" % (profile, wave, j // size), items[j:j + size])
                       for j in range(0, len(items), size)]
            per = cost.get(profile, 0.1)
            if "clangd" in run.tools:
                tasks.append((per * len(items) + 3, "clangd",
                              ("%s%d" % (profile, wave), batches)))
            tasks += [(per * len(b[1]), tool, b) for b in batches
                      for tool in ("driver", "plugin") if tool in run.tools]
        ordered += [(tool, payload) for _, tool, payload
                    in sorted(tasks, key=lambda t: -t[0])]
    pchs = []
    if "driver" in run.tools or "plugin" in run.tools:
        profiles = collections.Counter(run.plan[i].profile for i in indices)
        pchs = [("pch", (p, [])) for p, _ in profiles.most_common()]
    return ordered[:1] + pchs + ordered[1:]


def execute(run, tasks, jobs):
    pending = list(tasks)
    lock = threading.Lock()
    failures = []

    def worker():
        while True:
            with lock:
                if not pending:
                    return
                tool, payload = pending.pop(0)
            if time.monotonic() > run.deadline:
                continue
            began = time.monotonic()
            try:
                if tool == "pch":
                    run.pch(payload[0])
                    got = []
                elif tool == "clangd":
                    got = run.clangd_batches(*payload)
                else:
                    got = run.tidy_batch(tool, *payload)
            except BaseException as e:  # a bug here, or a broken set-up
                why = e if isinstance(e, SystemExit) else traceback.format_exc()
                with lock:
                    run.errors.append("%s %s: %s" % (tool, payload[0], why))
                    pending.clear()
                continue
            with lock:
                failures.extend(got)
            if run.args.verbose:
                n = (sum(len(b[1]) for b in payload[1]) if tool == "clangd"
                     else len(payload[1]))
                print("  %-6s %-16s %3d inputs %6.1f s"
                      % (tool, payload[0], n, time.monotonic() - began), flush=True)

    threads = [threading.Thread(target=worker) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failures


def report(run, failures):
    for failure in failures:
        d, described = run.save(failure)
        print("FAIL: %s %s%s" % (failure.tool, failure.kind,
                                  " (%s)" % failure.note if failure.note else ""))
        for s in described:
            print("  input:", s)
        print("  reproduce: sh %s/command.sh" % d)
        # From the crash report on if there is one (the stack), else the end.
        m = CRASH_TEXT.search(failure.output)
        lines = (failure.output[m.start():].splitlines()[:60] if m
                 else failure.output.splitlines()[-40:])
        print("  output:\n    " + "\n    ".join(lines))

# ---------------------------------------------------------------------------
# Self-test: the detection itself must work.


def self_test(args, sources):
    """Fake tools that crash, exit oddly or hang, and an input that crashes
    the real tools (#pragma clang __debug crash; clangd honours it with
    --crash-pragmas): each must be caught and pinned on the right input."""
    start = time.monotonic()
    work = os.path.join(args.work, "self-test")
    os.makedirs(work)
    fakes = {}
    for name, body in (("segv", "kill -SEGV $$"), ("hang", "exec sleep 300"),
                       ("exit3", "exit 3")):
        path = os.path.join(work, name + ".sh")
        with open(path, "w") as f:
            f.write("#!/bin/sh\n%s\n" % body)
        os.chmod(path, 0o755)
        fakes[name] = path
    sub = argparse.Namespace(**vars(args))
    # Its own seed; the PCHs are the main run's.
    sub.work, sub.seed, sub.time_budget = work, "self-test", 300
    sub.keep = sub.verbose = False
    real = {"driver": args.driver, "plugin": args.plugin, "clangd": args.clangd}
    cases = [  # label, tools, clang-tidy, inputs, timeout, planted, expected
        ("a driver killed by SIGSEGV", {"driver": fakes["segv"]}, args.clang_tidy, [0, 1],
         None, None, [("driver", "crash", (0,)), ("driver", "crash", (1,))]),
        ("clang-tidy exiting with 3", {"plugin": args.plugin}, fakes["exit3"], [0],
         None, None, [("plugin", "crash", (0,))]),
        ("a driver that hangs", {"driver": fakes["hang"]}, args.clang_tidy, [0],
         2, None, [("driver", "hang", (0,))]),
        ("a clangd killed by SIGSEGV", {"clangd": fakes["segv"]}, args.clang_tidy, [0],
         None, None, [("clangd", "crash", (0,))]),
        ("the real tools on a crashing input after a good one", real, args.clang_tidy,
         [0, 1], None, 1, [("driver", "crash", (1,)), ("plugin", "crash", (1,)),
                           ("clangd", "crash", (1,))]),
    ]
    problems = []
    for label, tools, clang_tidy, indices, timeout, planted, wanted in cases:
        sub.clang_tidy = clang_tidy
        sub.timeout = timeout or args.timeout
        sub.batch_timeout = 1 if timeout else args.batch_timeout
        run = Run(sub, sources, indices, tools, Stats(), quiet=True)
        if planted is not None:
            made = run.input_text

            def input_text(i, made=made, planted=planted, run=run):
                text, done = made(i)
                if i != planted:
                    return text, done
                n = len(PREFIX.format(run.plan[i].profile))
                return (text[:n] + "#pragma clang __debug crash\n" + text[n:],
                        done + ["crash pragma"])
            run.input_text = input_text
        got = execute(run, plan_tasks(run, indices), 2)
        if run.errors:
            problems.append("%s: %s" % (label, "\n".join(run.errors)))
            continue
        seen = sorted((f.tool, f.kind.split(":")[0], tuple(f.indices)) for f in got)
        if seen != sorted(wanted):
            problems.append("%s: expected %s, got %s" % (label, sorted(wanted), seen))
            continue
        for failure in got if planted is not None else []:
            # The saved reproduction must crash again by itself.
            d, _ = run.save(failure)
            code, out, _ = run_process(["sh", os.path.join(d, "command.sh")], 120,
                                       env=run.env)
            if not (verdict(code, out) or "").startswith("crash"):
                problems.append("%s: %s/command.sh does not crash (exit %s)"
                                % (label, d, code))
        print("self-test: %s: caught %s" % (label, "; ".join(
            "%s %s on input %s" % (f.tool, f.kind, f.indices) for f in got)), flush=True)
    for p in problems:
        print("FAIL: self-test:", p)
    if not problems:
        print("self-test: passed in %.1f s" % (time.monotonic() - start))
    return not problems


# ---------------------------------------------------------------------------


def counted(kinds):
    return ", ".join("%s %d" % kv for kv in sorted(collections.Counter(kinds).items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--driver", required=True, help="the awaitlint driver")
    parser.add_argument("--plugin", required=True, help="libawaitlint.so")
    parser.add_argument("--clangd", required=True, help="awaitlint-clangd")
    parser.add_argument("--clang-tidy", default="clang-tidy-22", help="loads the plugin")
    parser.add_argument("--clangxx", default="clang++-22", help="builds the PCHs")
    parser.add_argument("--source-root", required=True, help="the awaitlint checkout")
    parser.add_argument("--asio-include", default="/usr/include")
    parser.add_argument("--asio-examples", default="/usr/share/doc/libasio-dev/examples")
    parser.add_argument("--work", required=True, help="work directory (emptied)")
    parser.add_argument("--count", type=int, default=1000, help="mutated inputs")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--only", help="comma-separated input indices to run (reproduce)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--time-budget", type=float, default=540,
                        help="seconds; no new work starts after it")
    parser.add_argument("--min-inputs", type=int,
                        help="fail if fewer inputs ran through all the tools "
                             "(default: all)")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds one input may take in one tool before it is a hang")
    parser.add_argument("--batch-timeout", type=float, default=5,
                        help="seconds added to a batch's timeout per further input")
    parser.add_argument("--preamble-timeout", type=float, default=120,
                        help="extra seconds for clangd's first input (its preamble)")
    parser.add_argument("--batch", type=int, default=25,
                        help="inputs per driver/plugin run")
    parser.add_argument("--heavy-batch", type=int, default=4,
                        help="inputs per driver/plugin run for asio and gtest sources")
    parser.add_argument("--wave", type=int, default=1000,
                        help="inputs run together, one clangd per kind of source")
    parser.add_argument("--asio-share", type=float, default=0.01,
                        help="fraction of inputs made from asio's sources and examples "
                             "(and the tests that include asio)")
    parser.add_argument("--gtest-share", type=float, default=0.005,
                        help="fraction of inputs made from runtime/tests (gtest)")
    parser.add_argument("--frameworks-share", type=float, default=0.08,
                        help="fraction of inputs made from the tests of other "
                             "libraries' mocks (cppcoro, folly, Seastar...)")
    parser.add_argument("--self-test", action="store_true",
                        help="first check that crashes and hangs are caught")
    parser.add_argument("--keep", action="store_true", help="keep every input")
    parser.add_argument("--verbose", action="store_true", help="print each task's time")
    parser.add_argument("--print-input", type=int, metavar="I",
                        help="print input I (with --seed) and exit")
    args = parser.parse_args()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, end_children)
    for name in ("driver", "plugin", "clangd", "source_root", "work"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    args.pch_dir = os.path.join(args.work, "pch")
    start = time.monotonic()

    sources, skipped = collect_sources(args)
    if not sources:
        raise SystemExit("ERROR: no sources under %s" % args.source_root)
    tools = {"driver": args.driver, "plugin": args.plugin, "clangd": args.clangd}
    if args.print_input is not None:
        run = Run(args, sources, [args.print_input], tools, Stats(), quiet=True)
        text, done = run.input_text(args.print_input)
        sys.stdout.write("// %s: %s\n%s" % (run.plan[args.print_input].path,
                                            "; ".join(done), text))
        return 0
    for name, path in tools.items():
        if not os.path.exists(path):
            raise SystemExit("ERROR: %s not found: %s" % (name, path))
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(os.path.join(args.work, "run"))
    os.makedirs(os.path.join(args.work, "xdg"))
    # Stops clang-tidy's search for a parent .clang-tidy (the project's own
    # self-lint configuration makes warnings errors).
    for d in (args.work, os.path.join(args.work, "run")):
        with open(os.path.join(d, ".clang-tidy"), "w") as f:
            f.write("Checks: '%s'\n" % CHECKS)
    print("mutation: %d sources (%s; %d of them Debian's asio), %d skipped (%s)"
          % (len(sources), counted(s.profile for s in sources),
             sum(s.path.startswith(args.asio_include + "/") or
                 s.path.startswith(args.asio_examples) for s in sources),
             len(skipped), "includes no profile covers"), flush=True)

    if args.self_test and not self_test(args, sources):
        return 1

    indices = ([int(x) for x in args.only.split(",")] if args.only
               else list(range(args.count)))
    stats = Stats()
    run = Run(args, sources, indices, tools, stats)
    failures = execute(run, plan_tasks(run, indices), args.jobs)
    if run.errors:
        print("ERROR: the mutation run itself failed:\n" + "\n".join(run.errors))
        return 2
    report(run, failures)

    through = [i for i in indices if len(stats.done.get(i, ())) == 3]
    complete = len(through)
    crashes = sum(1 for f in failures if f.kind.startswith("crash"))
    hangs = sum(1 for f in failures if f.kind == "hang")
    print("mutation: seed %s, %d inputs, %d through all three tools; runs: driver %d, "
          "plugin %d, clangd %d; crashes %d, hangs %d; %.1f s"
          % (args.seed, len(indices), complete, stats.runs["driver"],
             stats.runs["plugin"], stats.runs["clangd"], crashes, hangs,
             time.monotonic() - start))
    print("  inputs through all three tools, by kind: %s"
          % counted(run.plan[i].profile for i in through))
    for tool in ("driver", "plugin", "clangd"):
        print("  %s: %d processes, %d async-* diagnostics, %d inputs with compile "
              "errors, %.1f CPU seconds" % (tool, stats.processes[tool],
                                            stats.async_diags[tool],
                                            stats.with_errors[tool], stats.cpu[tool]))
    own = resource.getrusage(resource.RUSAGE_SELF)
    print("  PCHs %.1f CPU seconds, this script %.1f" % (stats.cpu["pch"],
                                                        own.ru_utime + own.ru_stime))
    sys.stdout.flush()
    if failures:
        return 1
    wanted = len(indices) if args.min_inputs is None else args.min_inputs
    if complete < wanted:
        print("FAIL: only %d of the %d inputs ran through all three tools within the "
              "time budget (%.0f s); raise --time-budget or lower --min-inputs"
              % (complete, wanted, args.time_budget))
        return 1
    # A run where the checks never fire tests nothing (a broken PCH, say).
    silent = [t for t in ("driver", "plugin", "clangd") if not stats.async_diags[t]]
    if silent and complete >= 50:
        print("FAIL: no async-* diagnostic from %s over %d inputs: the set-up is broken"
              % (", ".join(silent), complete))
        return 1
    if not args.keep:
        shutil.rmtree(os.path.join(args.work, "run"), ignore_errors=True)
    print("mutation: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
