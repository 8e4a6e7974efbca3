#!/usr/bin/env python3
"""Differential runs of generated promise programs: awl (C++) against Node.

Any number, any seed (generates, compiles with the project's flags, runs,
compares, in batches):
  test/gen/run.py --count 10000 --seed 7 [--batch-size 500] [--work DIR]

A batch generated and built by CMake (the CTest test diff.generated):
  test/gen/run.py --batch DIR --exe awl_gen_cases [--self-check]

A program's log is compared line for line. When Node and awl differ, the
program is run again under Node alone with its delays scaled up (timers that
Node orders by real time can only be reordered by jitter at the scale of the
first run; see js_runner.js): if Node then agrees, the difference was timing
noise and is counted as such; if not, it is a divergence. Divergences are
written to WORK/divergences/ as a test/diff case pair to minimise by hand.
Exit status: 0 when every program agrees, 1 otherwise, 2 on a usage or
toolchain error.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import promise_gen  # noqa: E402

PRELOAD = os.path.join(ROOT, 'test', 'diff', 'node_preload.js')
RUNNER = os.path.join(HERE, 'js_runner.js')
# Scales for the reruns of a differing program under Node (the first run
# uses --scale).
RERUN_SCALES = (6, 15)


def parse(text):
    """'=== i' sections -> {i: [lines]}; other '!!' lines go to key None."""
    out = {}
    current = None
    for line in text.splitlines():
        if line.startswith('=== '):
            current = int(line[4:])
            out[current] = []
        elif line.startswith('!! stray'):
            out.setdefault(None, []).append(line)
        elif current is not None:
            out[current].append(line)
        else:
            out.setdefault(None, []).append(line)
    return out


def run_node(node, programs_js, scale, concurrency, only=None, timeout=900):
    cmd = [node, '-r', PRELOAD, RUNNER, programs_js, '--scale', str(scale), '--concurrency', str(concurrency),
           '--timeout', str(timeout)]
    if only:
        cmd += ['--only', ','.join(map(str, only))]
    env = {k: v for k, v in os.environ.items() if k not in ('NODE_OPTIONS',)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout + 60)
    # Status 3: js_runner.js gave up waiting; the unfinished programs are
    # marked '!! unfinished' and reported as problems.
    if proc.returncode not in (0, 3):
        raise RuntimeError(f'node exited with {proc.returncode}: {proc.stderr[-2000:]}')
    return parse(proc.stdout)


def run_cpp(exe, only=None, perturb=None):
    cmd = [exe]
    if only:
        cmd += ['--only', ','.join(map(str, only))]
    if perturb is not None:
        cmd += ['--perturb', str(perturb)]
    env = {k: v for k, v in os.environ.items() if k != 'AWL_UNHANDLED_REJECTIONS'}
    for var in ('ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS'):
        env[var] = (env[var] + ':' if env.get(var) else '') + 'exitcode=86'
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f'{exe} exited with {proc.returncode} (crash or sanitizer report?): '
                           f'{proc.stderr[-4000:]}')
    return parse(proc.stdout)


def differing(indices, node_out, cpp_out):
    return [i for i in indices if node_out.get(i) != cpp_out.get(i)]


def broken(out):
    """Programs whose log shows a harness problem ('!!' lines)."""
    return sorted(i for i, lines in out.items() if i is not None and any(l.startswith('!!') for l in lines))


def show_diff(i, node_lines, cpp_lines):
    return '\n'.join(difflib.unified_diff(node_lines or [], cpp_lines or [], f'node program {i}',
                                          f'awl program {i}', lineterm=''))


class Result:
    def __init__(self):
        self.programs = 0
        self.lines = 0  # log lines compared
        self.timing_noise = []  # (index, scale at which node agreed)
        self.divergences = []  # (index, diff text)
        self.problems = []  # harness problems

    def merge(self, other):
        self.programs += other.programs
        self.lines += other.lines
        self.timing_noise += other.timing_noise
        self.divergences += other.divergences
        self.problems += other.problems


def compare_batch(node, programs_js, exe, indices, scale, concurrency, log):
    res = Result()
    res.programs = len(indices)
    t0 = time.monotonic()
    cpp_out = run_cpp(exe)
    t1 = time.monotonic()
    node_out = run_node(node, programs_js, scale, concurrency)
    t2 = time.monotonic()
    log(f'  awl {t1 - t0:.1f} s, node {t2 - t1:.1f} s (scale {scale}, concurrency {concurrency})')
    # Lines outside any program: strays (rejections js_runner.js could not
    # attribute to a program) and the like.
    res.problems += node_out.get(None, []) + cpp_out.get(None, [])
    for i in broken(node_out) + broken(cpp_out):
        res.problems.append(f'program {i}: ' + '; '.join(
            l for l in (node_out.get(i, []) + cpp_out.get(i, [])) if l.startswith('!!')))
    missing = [i for i in indices if i not in node_out or i not in cpp_out]
    if missing:
        res.problems.append(f'programs missing from an output: {missing[:20]}')
    diff = differing(indices, node_out, cpp_out)
    for rerun_scale in RERUN_SCALES:
        if not diff:
            break
        log(f'  {len(diff)} program(s) differ; rerunning them under node at scale {rerun_scale}: {diff[:20]}')
        again = run_node(node, programs_js, rerun_scale, max(1, min(concurrency, len(diff))), only=diff)
        still = []
        for i in diff:
            # The rerun's output is Node's answer from now on (the self-check
            # compares against it too).
            node_out[i] = again.get(i)
            if again.get(i) == cpp_out.get(i):
                res.timing_noise.append((i, rerun_scale))
            else:
                still.append(i)
        diff = still
    for i in diff:
        res.divergences.append((i, show_diff(i, node_out.get(i), cpp_out.get(i))))
    res.lines = sum(len(cpp_out.get(i) or []) for i in indices)
    return res, cpp_out, node_out


def self_check(exe, node_out, indices, log):
    """The comparison must catch a difference: perturb one awl log line."""
    candidates = [i for i in indices if len(set(node_out.get(i) or [])) >= 2]
    target = candidates[len(candidates) // 2] if candidates else indices[0]
    perturbed = run_cpp(exe, perturb=target)
    caught = differing(indices, node_out, perturbed)
    ok = caught == [target]
    log(f'self-check: awl_gen_cases --perturb {target} -> differing programs {caught[:10]}: '
        f'{"caught" if ok else "NOT CAUGHT"}')
    return ok


# ---- building a batch ourselves (script mode)

def default_flags():
    # As the diff cases: awl_dev_flags' warnings, C++20; -O0 compiles the
    # lambda-heavy programs about three times faster than -O1 (see README).
    return '-std=c++20 -O0 -Wall -Wextra -Wpedantic'


class Builder:
    def __init__(self, work, cxx, flags, jobs, log, awl_include):
        self.work = work
        self.cxx = cxx
        self.flags = shlex.split(flags)
        self.jobs = jobs
        self.log = log
        # A snapshot of the support files: editing them during a long run
        # must not invalidate the precompiled header.
        self.src = os.path.join(work, 'src')
        self.includes = ['-I' + awl_include, '-I' + self.src]
        self.pch = None
        self.main_o = None

    def run(self, cmd):
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f'compile failed: {" ".join(cmd)}\n{proc.stderr[-6000:]}')
        return proc.stderr

    def prepare(self):
        os.makedirs(self.src, exist_ok=True)
        for name in ('gen_support.hpp', 'gen_main.cpp'):
            shutil.copy(os.path.join(HERE, name), os.path.join(self.src, name))
        if 'clang' in os.path.basename(self.cxx):
            self.pch = os.path.join(self.work, 'gen_support.hpp.pch')
            self.run([self.cxx, *self.flags, *self.includes, '-x', 'c++-header',
                      os.path.join(self.src, 'gen_support.hpp'), '-o', self.pch])
        self.main_o = os.path.join(self.work, 'gen_main.o')
        self.run([self.cxx, *self.flags, *self.includes, *self.pch_flags(), '-c',
                  os.path.join(self.src, 'gen_main.cpp'), '-o', self.main_o])

    def pch_flags(self):
        return ['-include-pch', self.pch] if self.pch else []

    def build(self, batch_dir, chunks):
        sources = [os.path.join(batch_dir, f'chunk_{c}.cpp') for c in range(chunks)]
        objects = [s[:-4] + '.o' for s in sources]
        with concurrent.futures.ThreadPoolExecutor(self.jobs) as pool:
            warnings = list(pool.map(lambda so: self.run([self.cxx, *self.flags, *self.includes, *self.pch_flags(),
                                                          '-c', so[0], '-o', so[1]]), zip(sources, objects)))
        noisy = [w for w in warnings if 'warning' in w]
        if noisy:
            self.log('  compiler warnings:\n' + noisy[0][-3000:])
        exe = os.path.join(batch_dir, 'awl_gen_cases')
        self.run([self.cxx, *self.flags, self.main_o, *objects, '-o', exe, '-pthread'])
        return exe


def save_divergence(work, seed, index, diff_text):
    out = os.path.join(work, 'divergences')
    os.makedirs(out, exist_ok=True)
    name = f'gen_s{str(seed).replace("-", "m")}_p{index}'
    prog, _ = promise_gen.make_program(seed, index)
    js, cpp = promise_gen.diff_case(prog, name)
    with open(os.path.join(out, name + '.js'), 'w') as f:
        f.write(js)
    with open(os.path.join(out, name + '.cpp'), 'w') as f:
        f.write(cpp)
    with open(os.path.join(out, name + '.diff'), 'w') as f:
        f.write(diff_text + '\n')
    return os.path.join(out, name)


def script_mode(args, log):
    work = args.work or tempfile.mkdtemp(prefix='awl-gen-')
    builder = Builder(work, args.cxx, args.cxxflags, args.jobs, log, args.awl_include)
    t_start = time.monotonic()
    builder.prepare()
    total = Result()
    first = args.first
    end = args.first + args.count
    times = {'generate': 0.0, 'compile': 0.0, 'run': 0.0}
    while first < end:
        count = min(args.batch_size, end - first)
        batch_dir = os.path.join(work, f'batch_{first}')
        log(f'batch {first}..{first + count - 1} (seed {args.seed})')
        t0 = time.monotonic()
        chunks = max(args.jobs, -(-count // args.chunk_size))
        promise_gen.write_batch(args.seed, first, count, batch_dir, chunks)
        t1 = time.monotonic()
        exe = builder.build(batch_dir, chunks)
        t2 = time.monotonic()
        res, _, _ = compare_batch(args.node, os.path.join(batch_dir, 'programs.js'), exe,
                                  list(range(first, first + count)), args.scale, args.concurrency, log)
        t3 = time.monotonic()
        times['generate'] += t1 - t0
        times['compile'] += t2 - t1
        times['run'] += t3 - t2
        for i, diff_text in res.divergences:
            path = save_divergence(work, args.seed, i, diff_text)
            log(f'  DIVERGENCE in program {i}: {path}.{{js,cpp,diff}}\n{diff_text}')
        for p in res.problems:
            log(f'  PROBLEM: {p}')
        log(f'  {count} programs: {len(res.divergences)} divergence(s), {len(res.timing_noise)} timing rerun(s) '
            f'agreed, {len(res.problems)} problem(s); generate {t1 - t0:.1f} s, compile {t2 - t1:.1f} s, '
            f'run+compare {t3 - t2:.1f} s')
        total.merge(res)
        if not args.keep:
            shutil.rmtree(batch_dir, ignore_errors=True)
        first += count
    elapsed = time.monotonic() - t_start
    log(f'TOTAL seed {args.seed}: {total.programs} programs ({total.lines} log lines), '
        f'{len(total.divergences)} divergence(s), '
        f'{len(total.timing_noise)} timing rerun(s) agreed, {len(total.problems)} problem(s); '
        f'{elapsed:.0f} s wall (generate {times["generate"]:.0f} s, compile {times["compile"]:.0f} s, '
        f'run+compare {times["run"]:.0f} s)')
    if total.divergences:
        log('divergent programs: ' + ', '.join(str(i) for i, _ in total.divergences))
    return 0 if not total.divergences and not total.problems else 1


def batch_mode(args, log):
    with open(os.path.join(args.batch, 'manifest.json')) as f:
        manifest = json.load(f)
    indices = list(range(manifest['first'], manifest['first'] + manifest['count']))
    t0 = time.monotonic()
    res, cpp_out, node_out = compare_batch(args.node, os.path.join(args.batch, 'programs.js'), args.exe, indices,
                                           args.scale, args.concurrency, log)
    for i, diff_text in res.divergences:
        log(f'DIVERGENCE in program {i} (seed {manifest["seed"]}; regenerate it with '
            f'promise_gen.py --seed {manifest["seed"]} --index {i} --diff-case NAME --out DIR):\n{diff_text}')
    for p in res.problems:
        log(f'PROBLEM: {p}')
    ok = not res.divergences and not res.problems
    if args.self_check:
        ok = self_check(args.exe, node_out, indices, log) and ok
    log(f'diff.generated: seed {manifest["seed"]}, {len(indices)} programs, {res.lines} log lines: '
        f'{len(res.divergences)} divergence(s), {len(res.timing_noise)} timing rerun(s) agreed, '
        f'{len(res.problems)} problem(s), {time.monotonic() - t0:.1f} s')
    return 0 if ok else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--node', default=shutil.which('node') or 'node')
    ap.add_argument('--scale', type=float, default=2, help='Node delay multiplier for the first run (default 2)')
    ap.add_argument('--concurrency', type=int, default=100, help='programs in flight in one Node process')
    ap.add_argument('--batch', help='a batch directory written by promise_gen.py (CTest mode)')
    ap.add_argument('--exe', help='with --batch: the awl_gen_cases built from it')
    ap.add_argument('--self-check', action='store_true', help='also show that a perturbed awl log is caught')
    ap.add_argument('--seed', default='1')
    ap.add_argument('--count', type=int, default=0)
    ap.add_argument('--first', type=int, default=0)
    ap.add_argument('--batch-size', type=int, default=500)
    ap.add_argument('--chunk-size', type=int, default=50, help='programs per translation unit')
    ap.add_argument('--work', help='work directory (default: a new temporary one)')
    ap.add_argument('--keep', action='store_true', help='keep each batch directory')
    ap.add_argument('--cxx', default=os.environ.get('CXX', 'clang++-22'))
    ap.add_argument('--cxxflags', default=default_flags())
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--awl-include', default=os.path.join(ROOT, 'runtime', 'include'),
                    help='the awl headers to test (e.g. a deliberately broken copy)')
    args = ap.parse_args(argv)

    def log(text):
        print(text, flush=True)

    try:
        if args.batch:
            if not args.exe:
                ap.error('--batch needs --exe')
            return batch_mode(args, log)
        if args.count <= 0:
            ap.error('give --count N (and --seed S), or --batch DIR --exe EXE')
        return script_mode(args, log)
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as e:
        log(f'run.py: {e}')
        return 2


if __name__ == '__main__':
    sys.exit(main())
