#!/usr/bin/env python3
"""Random promise programs, emitted as JavaScript and as C++ with awl.

A program is a model (the dataclasses below): top-level statements that create
promises ("nodes" p0, p1, ...), async functions, timers, intervals and
microtasks. The same model is
  * emitted as a JavaScript function run by js_runner.js under Node,
  * emitted as a C++ function run by gen_main.cpp with awl,
  * interpreted by Model, a small ECMAScript-promise interpreter in Python.
Both emitted programs print the same log lines, so their outputs compare
line for line. Node is the oracle, not the interpreter: the interpreter tells
the generator when every timer is set and fires, so that a program whose
timers Node's real-time jitter could reorder is drawn again, and which async
functions would stay suspended forever (see README.md).

Every node has a type, int or void (awl::Promise<int> / awl::Promise<void>;
in JavaScript a void promise is fulfilled with undefined).

Program i of seed S depends only on (S, i): any program can be regenerated
alone.  Usage:
  promise_gen.py --seed S --count N --out DIR [--chunks K] [--first F]
  promise_gen.py --seed S --index I --diff-case NAME --out DIR
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import random
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import Optional

# Minimal gap (virtual ms) between two timer firings that Node must order by
# real time. Node runs the JavaScript with every delay multiplied by a scale
# (js_runner.js --scale), so the real gap is GAP * scale.
GAP = 20
MAX_ATTEMPTS = 200
MAX_LOG_LINES = 400

INT, VOID = 'int', 'void'


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------

@dataclass
class Call:
    fn: int
    args: list  # node indices, or parameter indices inside a function


@dataclass
class Handler:
    """A then/catch/finally callback: logs, runs its effects, then returns."""
    kind: str  # value | throw | node | resolved | rejected | timer | call
    ty: str = INT  # the type its result resolves to (value + void: returns nothing)
    takes_arg: bool = True  # declares the value / reason parameter
    c: int = 0  # value constant
    err: str = ''  # error message for throw / rejected / timer(ok=False)
    node: int = -1  # returned node
    delay: int = 0  # timer delay
    ok: bool = True  # timer outcome
    call: Optional[Call] = None
    effects: list = field(default_factory=list)  # statements run after the log line


@dataclass
class Resolve:
    v: Optional[int]  # None: Promise.resolve() (void)


@dataclass
class ResolveNode:
    src: int  # Promise.resolve(p) is p itself (int only: awl has no Promise<void>::resolve(p))


@dataclass
class Reject:
    err: str
    ty: str


@dataclass
class DeferredE:
    d: int


@dataclass
class Executor:
    # ('res', v or None) | ('rej', err) | ('throw', err) | ('res_node', n)
    steps: list
    ty: str


@dataclass
class Then:
    src: int
    on_f: Handler
    on_r: Optional[Handler] = None


@dataclass
class Catch:
    src: int
    on_r: Handler


@dataclass
class Finally:
    src: int
    h: Handler


@dataclass
class Comb:
    kind: str  # all | allSettled | any | race
    inputs: list
    form: str  # vec | var (C++ only: vector or variadic form)
    ty: str  # element type when every input has one type (any/race: the result's)


@dataclass
class NewNode:
    n: int
    expr: object


@dataclass
class Settle:
    d: int
    ok: bool
    v: Optional[int] = 0  # None: resolve() of a void deferred
    err: str = ''
    node: int = -1  # resolve with a node (ok only)


@dataclass
class SetTimeout:
    t: int
    delay: int
    body: list
    keep_id: bool = False


@dataclass
class SetInterval:
    i: int
    delay: int
    max_n: int
    actions: dict  # tick number -> list of statements


@dataclass
class Clear:
    what: str  # 't' or 'i'
    id: int


@dataclass
class Micro:
    m: int
    body: list


@dataclass
class FStep:
    # await_param(i) | await_value(c; None: await undefined) | await_call(call)
    # | start(call): q<step> = call, awaited later or never | await_q(q)
    # | sleep(delay, logged) | await_all(params)
    kind: str
    i: int = 0
    c: Optional[int] = 0
    call: Optional[Call] = None
    delay: int = 0
    logged: bool = False
    params: list = field(default_factory=list)
    try_: bool = False
    rethrow: str = ''  # with try_: the catch block throws a new error
    q: int = -1


@dataclass
class FnDef:
    k: int
    ptypes: list
    ret: str
    steps: list
    end: tuple  # ('return',) | ('throw', err) | ('return_failing', err) | ('return_param', i) | ('return_call', Call)


@dataclass
class Program:
    index: int
    seed: str
    fns: list
    types: dict  # node -> INT / VOID
    dtypes: dict  # deferred -> INT / VOID (the deferreds used)
    timers: int
    intervals: int
    kept_timer_ids: set
    top: list = field(default_factory=list)  # the top-level statements


def step_type(fn: FnDef, st: FStep, fns):
    """The type an await step's operand resolves to."""
    if st.kind == 'await_param':
        return fn.ptypes[st.i]
    if st.kind == 'await_value':
        return VOID if st.c is None else INT
    if st.kind in ('await_call', 'start'):
        return fns[st.call.fn].ret
    if st.kind == 'await_q':
        return fns[fn.steps[st.q].call.fn].ret
    if st.kind == 'await_all':
        return INT  # adds the sum
    return VOID  # sleep


# --------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------

class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.types = {}
        self.errs = 0
        self.micros = 0
        self.timer_count = 0
        self.fns = []

    def new_node(self, ty):
        n = len(self.types)
        self.types[n] = ty
        return n

    def err(self):
        self.errs += 1
        return f'E{self.errs}'

    def pick(self, weighted):
        items = [(k, w) for k, w in weighted if w > 0]
        x = self.r.uniform(0, sum(w for _, w in items))
        for k, w in items:
            x -= w
            if x <= 0:
                return k
        return items[-1][0]

    def small(self):
        return self.r.randint(1, 9)

    def some_type(self):
        return VOID if self.r.random() < 0.25 else INT

    def of_type(self, pool, ty):
        return [n for n in pool if self.types[n] == ty]

    def args_for(self, fn, pool_by_type):
        """Arguments for fn from {type: [candidates]}, or None."""
        args = []
        for ty in fn.ptypes:
            if not pool_by_type.get(ty):
                return None
            args.append(self.r.choice(pool_by_type[ty]))
        return args

    def call_to(self, fns, ty, pool_by_type):
        """A call of some function returning ty with arguments from the pool."""
        options = []
        for f in fns:
            if ty is None or f.ret == ty:
                args = self.args_for(f, pool_by_type)
                if args is not None:
                    options.append(Call(f.k, args))
        return self.r.choice(options) if options else None

    def node_pool(self, avail):
        return {INT: self.of_type(avail, INT), VOID: self.of_type(avail, VOID)}

    # ---- async functions
    def fn(self, k):
        r = self.r
        fns = self.fns
        ptypes = [self.some_type() for _ in range(r.randint(1, 3))]
        params = {INT: [i for i, t in enumerate(ptypes) if t == INT], VOID: [i for i, t in enumerate(ptypes) if t == VOID]}
        ret = self.some_type()
        fn = FnDef(k, ptypes, ret, [], ('return',))
        calls = 0
        started = []  # steps that started a call not awaited yet
        for si in range(r.randint(0, 5)):
            can_call = calls < 2 and self.call_to(fns, None, params) is not None
            same_typed = [ps for ps in params.values() if len(ps) >= 2]
            kind = self.pick([('await_param', 6), ('await_value', 2), ('await_call', 4 if can_call else 0),
                              ('start', 3 if can_call else 0), ('await_q', 5 if started else 0),
                              ('sleep', 2), ('await_all', 2 if same_typed else 0)])
            st = FStep(kind, try_=r.random() < 0.35)
            if kind == 'await_param':
                st.i = r.randrange(len(ptypes))
            elif kind == 'await_value':
                st.c = self.small() if r.random() < 0.8 else None
                st.try_ = False
            elif kind in ('await_call', 'start'):
                calls += 1
                st.call = self.call_to(fns, None, params)
                if kind == 'start':
                    st.try_ = False
                    started.append(si)
            elif kind == 'await_q':
                st.q = started.pop(r.randrange(len(started)))
            elif kind == 'sleep':
                st.delay = r.choice([0, 10, 20, 30, 40, 60, 80])
                st.logged = r.random() < 0.6
                st.try_ = False
            else:
                ps = r.choice(same_typed)
                st.params = r.sample(ps, r.randint(2, len(ps)))
            if st.try_ and r.random() < 0.25:
                st.rethrow = self.err()
            fn.steps.append(st)
        # awl's Promise<void> coroutines have only co_return; (no promise to
        # adopt), so a void function ends with return or throw.
        ret_params = params[ret] if ret == INT else []
        ret_call = self.call_to(fns, ret, params) if ret == INT and calls < 2 else None
        end = self.pick([('return', 6), ('throw', 2), ('return_param', 2 if ret_params else 0),
                         ('return_call', 2 if ret_call else 0), ('return_failing', 1 if ret == INT else 0)])
        if end in ('throw', 'return_failing'):
            fn.end = (end, self.err())
        elif end == 'return_param':
            fn.end = ('return_param', r.choice(ret_params))
        elif end == 'return_call':
            fn.end = ('return_call', ret_call)
        return fn

    # ---- callbacks
    def handler(self, role, src_ty, ty, avail):
        """role: 'f' (fulfilment of a src_ty promise), 'r' (rejection) or
        'fin' (finally); ty: what the callback's result resolves to."""
        r = self.r
        pool = self.node_pool(avail)
        call = self.call_to(self.fns, ty, pool) if self.fns else None
        kind = self.pick([('value', 8 if role != 'fin' else 8), ('throw', 3), ('node', 2 if pool[ty] else 0),
                          ('resolved', 2), ('rejected', 2), ('timer', 2), ('call', 2 if call else 0)])
        h = Handler(kind, ty)
        if role == 'f':
            h.takes_arg = src_ty == INT and r.random() < 0.85
        elif role == 'r':
            h.takes_arg = r.random() < 0.85
        if kind in ('value', 'resolved'):
            h.c = self.small()
        elif kind in ('throw', 'rejected'):
            h.err = self.err()
        elif kind == 'node':
            h.node = r.choice(pool[ty])
        elif kind == 'timer':
            h.delay = r.choice([0, 10, 20, 30, 50, 70, 100])
            h.ok = r.random() < 0.6
            if h.ok:
                h.c = self.small()
            else:
                h.err = self.err()
        elif kind == 'call':
            h.call = call
        return h

    # ---- promise expressions; returns (expr, type)
    def expr(self, avail, deferreds_free, dtypes, in_timer):
        r = self.r
        chain = bool(avail)
        pool = self.node_pool(avail)
        call = self.call_to(self.fns, None, pool) if self.fns else None
        kind = self.pick([
            ('resolve', 3 if in_timer else 5), ('reject', 3 if in_timer else 5),
            ('deferred', 5 if deferreds_free else 0), ('executor', 4),
            ('then', 18 if chain else 0), ('catch', 10 if chain else 0), ('finally', 6 if chain else 0),
            ('comb', 8), ('call', 8 if call else 0), ('same', 1 if pool[INT] else 0)])
        if kind == 'same':
            return ResolveNode(r.choice(pool[INT])), INT
        if kind == 'resolve':
            ty = self.some_type()
            return Resolve(self.small() if ty == INT else None), ty
        if kind == 'reject':
            ty = self.some_type()
            return Reject(self.err(), ty), ty
        if kind == 'deferred':
            d = deferreds_free.pop(0)
            return DeferredE(d), dtypes[d]
        if kind == 'executor':
            ty = self.some_type()
            steps = []
            for _ in range(r.randint(1, 2)):
                s = self.pick([('res', 4), ('rej', 3), ('throw', 2), ('res_node', 2 if pool[ty] else 0)])
                if s == 'res':
                    steps.append(('res', self.small() if ty == INT else None))
                elif s in ('rej', 'throw'):
                    steps.append((s, self.err()))
                else:
                    steps.append(('res_node', r.choice(pool[ty])))
                if s == 'throw':
                    break
            return Executor(steps, ty), ty
        src = (avail[-1] if r.random() < 0.5 else r.choice(avail)) if avail else -1
        src_ty = self.types.get(src)
        if kind == 'then':
            ty = self.some_type()
            on_r = self.handler('r', src_ty, ty, avail) if r.random() < 0.3 else None
            return Then(src, self.handler('f', src_ty, ty, avail), on_r), ty
        if kind == 'catch':
            return Catch(src, self.handler('r', src_ty, src_ty, avail)), src_ty
        if kind == 'finally':
            return Finally(src, self.handler('fin', src_ty, self.some_type(), avail)), src_ty
        if kind == 'comb':
            ck = r.choice(['all', 'allSettled', 'any', 'race'])
            ty = self.some_type()
            n = r.choice([0, 1, 2, 2, 3, 3, 4])
            mixed = ck in ('all', 'allSettled') and r.random() < 0.3  # awl: variadic form only
            candidates = avail if mixed else pool[ty]
            if not candidates:
                n = 0
            if n == 0 and ck == 'race':
                return Resolve(self.small()), INT  # race([]) stays pending forever: not worth the draws
            inputs = [r.choice(candidates) for _ in range(n)]
            input_types = {self.types[i] for i in inputs}
            if len(input_types) > 1:
                form = 'var'
            else:
                ty = input_types.pop() if inputs else ty
                form = 'var' if inputs and r.random() < 0.5 else 'vec'
            return Comb(ck, inputs, form, ty), (INT if ck in ('all', 'allSettled') else ty)
        return call, self.fns[call.fn].ret

    def program(self, index, seed):
        r = self.r
        for k in range(self.pick([(0, 2), (1, 3), (2, 4), (3, 4)])):
            self.fns.append(self.fn(k))
        ndef = self.pick([(0, 2), (1, 3), (2, 3), (3, 2)])
        dtypes_all = {d: self.some_type() for d in range(ndef)}
        deferreds_free = list(range(ndef))
        deferred_node = {}
        # Top-level nodes first; timers and the rest are woven in afterwards.
        top_nodes = []
        for _ in range(r.randint(3, 14)):
            e, ty = self.expr(list(self.types), deferreds_free, dtypes_all, False)
            n = self.new_node(ty)
            if isinstance(e, DeferredE):
                deferred_node[e.d] = n
            top_nodes.append(NewNode(n, e))
        used_deferreds = sorted(deferred_node)
        dtypes = {d: dtypes_all[d] for d in used_deferreds}
        top_avail = list(self.types)

        unsettled = list(used_deferreds)
        r.shuffle(unsettled)
        to_settle = [d for d in unsettled if r.random() >= 0.12]  # the others: never, or by chance

        def settle(d, nodes=None):
            # Resolving a deferred with a promise that depends on it would be a
            # cycle: only nodes created before the deferred (JS rejects
            # resolving a promise with itself with a TypeError, awl with a
            # logic_error: messages differ, see README).
            nodes = [n for n in (top_avail if nodes is None else nodes)
                     if n < deferred_node[d] and self.types[n] == dtypes[d]]
            st = Settle(d, r.random() < 0.6)
            if st.ok:
                if nodes and r.random() < 0.2:
                    st.node = r.choice(nodes)
                else:
                    st.v = self.small() if dtypes[d] == INT else None
            else:
                st.err = self.err()
            return st

        def late(avail):
            """A callback attached to a top-level node after the top level ran."""
            src = r.choice(top_avail)
            src_ty = self.types[src]
            k = self.pick([('catch', 5), ('then', 3), ('finally', 2)])
            if k == 'catch':
                e, ty = Catch(src, self.handler('r', src_ty, src_ty, avail)), src_ty
            elif k == 'then':
                ty = self.some_type()
                e = Then(src, self.handler('f', src_ty, ty, avail),
                         self.handler('r', src_ty, ty, avail) if r.random() < 0.4 else None)
            else:
                e, ty = Finally(src, self.handler('fin', src_ty, self.some_type(), avail)), src_ty
            return NewNode(self.new_node(ty), e)

        def micro(depth):
            m = self.micros
            self.micros += 1
            body = []
            for _ in range(r.randint(0, 2)):
                what = self.pick([('micro', 2 if depth < 1 else 0), ('settle', 2 if used_deferreds else 0),
                                  ('late', 2)])
                if what == 'micro':
                    body.append(micro(depth + 1))
                elif what == 'settle':
                    body.append(settle(r.choice(used_deferreds)))  # ignored if already settled
                else:
                    body.append(late(top_avail))
            return Micro(m, body)

        def block_body(depth, allow_clear_of):
            body = []
            local = []
            for _ in range(r.randint(1, 3)):
                what = self.pick([('late', 6), ('node', 3), ('settle', 4 if to_settle else 0),
                                  ('settle_again', 1 if used_deferreds else 0),
                                  ('clear', 1 if allow_clear_of else 0), ('micro', 1), ('timer', 1 if depth < 1 else 0)])
                if what == 'late':
                    st = late(top_avail + local)
                    body.append(st)
                    local.append(st.n)
                elif what == 'node':
                    e, ty = self.expr(top_avail + local, [], dtypes, True)
                    n = self.new_node(ty)
                    body.append(NewNode(n, e))
                    local.append(n)
                elif what == 'settle':
                    body.append(settle(to_settle.pop()))
                elif what == 'settle_again':
                    body.append(settle(r.choice(used_deferreds)))  # usually ignored: already settled
                elif what == 'clear':
                    body.append(Clear(*r.choice(allow_clear_of)))
                elif what == 'micro':
                    body.append(micro(0))
                else:
                    t = self.timer_count
                    self.timer_count += 1
                    body.append(SetTimeout(t, r.choice([0, 10, 20, 40, 60, 100]), block_body(depth + 1, [])))
            return body

        timers = []
        for _ in range(self.pick([(0, 2), (1, 4), (2, 4), (3, 3), (4, 2)])):
            timers.append(SetTimeout(self.timer_count, r.choice([0, 10, 20, 30, 40, 50, 60, 80, 100, 120, 150, 180,
                                                                 200, 250, 300]), []))
            self.timer_count += 1
        intervals = []
        for i in range(1 if r.random() < 0.25 else 0):
            intervals.append(SetInterval(i, r.choice([20, 30, 40, 50, 70]), r.randint(1, 4), {}))
        clear_targets = [('t', t.t) for t in timers] + [('i', i.i) for i in intervals]
        for t in timers:
            others = [c for c in clear_targets if c != ('t', t.t)]
            t.body = block_body(0, others if r.random() < 0.3 else [])
        for iv in intervals:
            for _ in range(r.randint(0, 3)):
                what = self.pick([('settle', 3 if to_settle else 0), ('late', 2), ('micro', 1)])
                if what == 'settle':
                    st = settle(to_settle.pop())
                elif what == 'late':
                    st = late(top_avail)  # runs once: a node is only assigned once
                else:
                    st = micro(0)
                iv.actions.setdefault(r.randint(1, iv.max_n), []).append(st)
        # Whatever is still unsettled gets settled at top level (sync, after
        # the deferred's creation) or in a top-level microtask.
        top = list(top_nodes)
        for d in to_settle:
            pos = next(i for i, st in enumerate(top) if isinstance(st, NewNode) and isinstance(st.expr, DeferredE)
                       and st.expr.d == d)
            at = r.randint(pos + 1, len(top))
            if r.random() < 0.5:
                # Synchronously: only nodes created before this statement exist.
                top.insert(at, settle(d, [st.n for st in top[:at] if isinstance(st, NewNode)]))
            else:
                m = self.micros
                self.micros += 1
                top.insert(at, Micro(m, [settle(d)]))
        for st in timers + intervals:
            top.insert(r.randint(0, len(top)), st)
        if r.random() < 0.3:
            top.insert(r.randint(0, len(top)), micro(0))
        if r.random() < 0.15 and clear_targets:
            top.append(Clear(*r.choice(clear_targets)))

        # Side effects in some callbacks, run before they return: settling a
        # deferred, attaching a callback, queueing a microtask, calling an
        # async function. Callbacks run in microtasks, after the top level:
        # every top-level node exists by then.
        for h in list(handlers_in(top)):
            if r.random() < 0.2:
                for _ in range(r.randint(1, 2)):
                    call = self.call_to(self.fns, None, self.node_pool(top_avail)) if self.fns else None
                    what = self.pick([('settle', 3 if used_deferreds else 0), ('late', 3), ('micro', 1),
                                      ('call', 1 if call else 0)])
                    if what == 'settle':
                        h.effects.append(settle(r.choice(used_deferreds)))
                    elif what == 'late':
                        h.effects.append(late(top_avail))
                    elif what == 'micro':
                        m = self.micros
                        self.micros += 1
                        h.effects.append(Micro(m, []))
                    else:
                        h.effects.append(NewNode(self.new_node(self.fns[call.fn].ret), call))

        # Only the async functions something calls (each costs compile time).
        called = set()
        pending = [c.fn for c in calls_in(top)]
        while pending:
            k = pending.pop()
            if k not in called:
                called.add(k)
                pending += [c.fn for c in fn_calls(self.fns[k])]
        fns = [f for f in self.fns if f.k in called]

        kept_ids = set()
        for st in walk_statements(top):
            if isinstance(st, Clear):
                kept_ids.add((st.what, st.id))
        for st in walk_statements(top):
            if isinstance(st, SetTimeout):
                st.keep_id = ('t', st.t) in kept_ids
        prog = Program(index, seed, fns, dict(self.types), dtypes, self.timer_count, len(intervals),
                       {t for what, t in kept_ids if what == 't'})
        prog.top = top
        return prog


def walk_statements(stmts):
    """Every statement, nested ones (timer and microtask bodies, interval
    actions, callback side effects) included."""
    for st in stmts:
        yield st
        if isinstance(st, (SetTimeout, Micro)):
            yield from walk_statements(st.body)
        elif isinstance(st, SetInterval):
            for actions in st.actions.values():
                yield from walk_statements(actions)
        elif isinstance(st, NewNode):
            for h in expr_handlers(st.expr):
                yield from walk_statements(h.effects)


def expr_handlers(e):
    if isinstance(e, Then):
        return [e.on_f] + ([e.on_r] if e.on_r else [])
    if isinstance(e, Catch):
        return [e.on_r]
    if isinstance(e, Finally):
        return [e.h]
    return []


def handlers_in(stmts):
    for st in walk_statements(stmts):
        if isinstance(st, NewNode):
            yield from expr_handlers(st.expr)


def calls_in(stmts):
    for st in walk_statements(stmts):
        if isinstance(st, NewNode):
            if isinstance(st.expr, Call):
                yield st.expr
            for h in expr_handlers(st.expr):
                if h.call is not None:
                    yield h.call


def fn_calls(fn):
    calls = [st.call for st in fn.steps if st.call is not None]
    if fn.end[0] == 'return_call':
        calls.append(fn.end[1])
    return calls


# --------------------------------------------------------------------------
# The model interpreter (ECMAScript promise jobs, Node's timers and
# unhandled-rejection tracking); it times the timers for the generator.
# JavaScript's undefined is None.
# --------------------------------------------------------------------------

class Err:
    def __init__(self, msg):
        self.msg = msg


class AggErr:
    def __init__(self, errors):
        self.errors = errors


def desc(reason):
    if isinstance(reason, AggErr):
        return 'Agg(' + ','.join(desc(e) for e in reason.errors) + ')'
    return reason.msg


def js_join(values):
    return ' '.join('' if v is None else str(v) for v in values)


def js_sum(values):
    return sum(v or 0 for v in values)


class Throw(Exception):
    def __init__(self, reason):
        super().__init__()
        self.reason = reason


class SP:
    __slots__ = ('state', 'value', 'freact', 'rreact', 'handled', 'label')

    def __init__(self):
        self.state = 'pending'
        self.value = None
        self.freact = []
        self.rreact = []
        self.handled = False
        self.label = None


class Timer:
    __slots__ = ('cb', 'interval', 'active', 'queued')

    def __init__(self, cb, interval):
        self.cb = cb
        self.interval = interval
        self.active = True
        self.queued = None  # (due, setter task, delay) while waiting in the heap


def fmt(*args):
    return ' '.join(str(a) for a in args)


class Model:
    def __init__(self, prog: Program):
        self.prog = prog
        self.micro = deque()
        self.heap = []
        self.seq = 0
        self.now = 0
        self.task = 0  # id of the running macrotask (0: top level)
        self.tasks = 0
        self.out = []
        self.maybe_unhandled = {}
        self.pending_unhandled = []
        self.async_handled = []
        self.firings = []  # (time, setter task, delay)
        self.suspended = 0
        self.nodes = {}
        self.deferred = {}
        self.timer_ids = {}
        self.interval_ids = {}
        self.fns = {f.k: f for f in prog.fns}

    def log(self, *args):
        self.out.append(fmt(*args))

    # ---- promise machinery (ECMAScript names in comments)
    def resolving(self, p):  # CreateResolvingFunctions
        done = [False]

        def resolve(x):
            if done[0]:
                return
            done[0] = True
            if x is p:
                self.reject_promise(p, Err('cycle'))
            elif isinstance(x, SP):  # NewPromiseResolveThenableJob
                def job():
                    res, rej = self.resolving(p)
                    self.perform_then(x, res, rej, None)
                self.micro.append(job)
            else:
                self.fulfil(p, x)

        def reject(reason):
            if done[0]:
                return
            done[0] = True
            self.reject_promise(p, reason)
        return resolve, reject

    def fulfil(self, p, v):
        reactions = p.freact
        p.state, p.value, p.freact, p.rreact = 'fulfilled', v, None, None
        for r in reactions:
            self.enqueue(r, v)

    def reject_promise(self, p, reason):
        reactions = p.rreact
        p.state, p.value, p.freact, p.rreact = 'rejected', reason, None, None
        if not p.handled:  # HostPromiseRejectionTracker(reject), Node's bookkeeping
            self.maybe_unhandled[id(p)] = [p, False]
            self.pending_unhandled.append(p)
        for r in reactions:
            self.enqueue(r, reason)

    def perform_then(self, p, onf, onr, cap):  # PerformPromiseThen
        fr, rr = ('F', onf, cap), ('R', onr, cap)
        if p.state == 'pending':
            p.freact.append(fr)
            p.rreact.append(rr)
        elif p.state == 'fulfilled':
            self.enqueue(fr, p.value)
        else:
            if not p.handled:  # HostPromiseRejectionTracker(handle)
                info = self.maybe_unhandled.pop(id(p), None)
                if info is not None and info[1]:
                    self.async_handled.append(p)
            self.enqueue(rr, p.value)
        p.handled = True

    def enqueue(self, reaction, arg):  # NewPromiseReactionJob
        kind, handler, cap = reaction

        def job():
            if handler is None:
                ok, result = kind == 'F', arg
            else:
                try:
                    result, ok = handler(arg), True
                except Throw as t:
                    result, ok = t.reason, False
            if cap is not None:
                (cap[1] if ok else cap[2])(result)
        self.micro.append(job)

    def then(self, p, onf=None, onr=None):
        q = SP()
        res, rej = self.resolving(q)
        self.perform_then(p, onf, onr, (q, res, rej))
        return q

    def promise_resolve(self, x):  # PromiseResolve
        if isinstance(x, SP):
            return x
        q = SP()
        self.fulfil(q, x)
        return q

    def promise_reject(self, reason):
        q = SP()
        self.reject_promise(q, reason)
        return q

    def finally_(self, p, on_finally):  # Promise.prototype.finally
        def then_finally(value):
            pr = self.promise_resolve(on_finally())
            return self.then(pr, lambda _: value)

        def catch_finally(reason):
            pr = self.promise_resolve(on_finally())

            def thrower(_):
                raise Throw(reason)
            return self.then(pr, thrower)
        return self.then(p, then_finally, catch_finally)

    def combinator(self, kind, inputs):  # Promise.all / allSettled / any / race
        q = SP()
        res, rej = self.resolving(q)
        values = [None] * len(inputs)
        remaining = [1]
        for i, x in enumerate(inputs):
            p = self.promise_resolve(x)
            called = [False]
            remaining[0] += 1

            def element(outcome, i=i, called=called):
                def f(v):
                    if called[0]:
                        return None
                    called[0] = True
                    values[i] = (outcome, v)
                    remaining[0] -= 1
                    if remaining[0] == 0:
                        if kind == 'any':
                            rej(AggErr([v for _, v in values]))
                        elif kind == 'all':
                            res([v for _, v in values])
                        else:
                            res(list(values))
                    return None
                return f
            if kind == 'all':
                self.then(p, element('F'), rej)
            elif kind == 'allSettled':
                self.then(p, element('F'), element('R'))
            elif kind == 'any':
                self.then(p, res, element('R'))
            else:
                self.then(p, res, rej)
        if kind != 'race':
            remaining[0] -= 1
            if remaining[0] == 0:
                if kind == 'any':
                    rej(AggErr([]))
                else:
                    res([])
        return q

    # ---- timers
    def set_timer(self, cb, delay, interval):
        d = delay if delay >= 1 else 1
        t = Timer(cb, d if interval else 0)
        self.push(t, self.now + d, d)
        return t

    def push(self, t, due, delay):
        heapq.heappush(self.heap, (due, self.seq, t, self.task, delay))
        t.queued = (due, self.task, delay)
        self.seq += 1

    def clear(self, t):
        # A timer cleared before it fires: Node's real-time order of the
        # clearing macrotask and the cancelled due time must be the virtual
        # one too, so the cancelled firing takes part in the timing check.
        if t.active and t.queued is not None:
            self.firings.append(t.queued)
        t.active = False

    def checkpoint(self):
        while True:
            while self.micro:
                self.micro.popleft()()
            if not self.process_rejections():
                return

    def process_rejections(self):  # Node's processPromiseRejections
        emitted = bool(self.async_handled)
        while self.async_handled:
            p = self.async_handled.pop(0)
            self.log('handled', p.label or '?')
        for _ in range(len(self.pending_unhandled)):
            p = self.pending_unhandled.pop(0)
            info = self.maybe_unhandled.get(id(p))
            if info is None:
                continue
            info[1] = True
            emitted = True
            self.log('unhandled', p.label or '?', desc(p.value))
        return emitted or bool(self.pending_unhandled)

    def run(self):
        self.exec_block(self.prog.top)
        self.checkpoint()
        while self.heap:
            due, _, t, setter, delay = heapq.heappop(self.heap)
            t.queued = None
            if not t.active:
                continue
            self.now = due
            self.tasks += 1
            self.task = self.tasks
            self.firings.append((due, setter, delay))
            if not t.interval:
                t.active = False
            t.cb()
            if t.interval and t.active:
                self.push(t, self.now + t.interval, t.interval)
            self.checkpoint()
        return self.out

    # ---- statements
    def exec_block(self, stmts):
        for st in stmts:
            self.exec_stmt(st)

    def exec_stmt(self, st):
        if isinstance(st, NewNode):
            p = self.eval(st.expr, st.n)
            p.label = f'p{st.n}'  # the latest label wins, as in a Map
            self.nodes[st.n] = p
        elif isinstance(st, Settle):
            res, rej = self.deferred[st.d]
            if st.ok:
                res(self.nodes[st.node] if st.node >= 0 else st.v)
            else:
                rej(Err(st.err))
        elif isinstance(st, SetTimeout):
            def fire(st=st):
                self.log(f't{st.t} fired')
                self.exec_block(st.body)
            self.timer_ids[st.t] = self.set_timer(fire, st.delay, False)
        elif isinstance(st, SetInterval):
            count = [0]

            def tick(st=st):
                count[0] += 1
                self.log(f'i{st.i} tick', count[0])
                self.exec_block(st.actions.get(count[0], []))
                if count[0] == st.max_n:
                    self.clear(self.interval_ids[st.i])
            self.interval_ids[st.i] = self.set_timer(tick, st.delay, True)
        elif isinstance(st, Clear):
            t = (self.timer_ids if st.what == 't' else self.interval_ids).get(st.id)
            if t is not None:
                self.clear(t)
        elif isinstance(st, Micro):
            def run(st=st):
                self.log(f'm{st.m} run')
                self.exec_block(st.body)
            self.micro.append(run)
        else:
            raise TypeError(st)

    def eval(self, e, n):
        if isinstance(e, Resolve):
            return self.promise_resolve(e.v)
        if isinstance(e, ResolveNode):
            return self.promise_resolve(self.nodes[e.src])
        if isinstance(e, Reject):
            return self.promise_reject(Err(e.err))
        if isinstance(e, DeferredE):
            q = SP()
            self.deferred[e.d] = self.resolving(q)
            return q
        if isinstance(e, Executor):
            q = SP()
            res, rej = self.resolving(q)
            self.log(f'p{n} exec')
            for step in e.steps:
                if step[0] == 'res':
                    res(step[1])
                elif step[0] == 'rej':
                    rej(Err(step[1]))
                elif step[0] == 'res_node':
                    res(self.nodes[step[1]])
                else:
                    rej(Err(step[1]))  # the constructor catches the throw
                    break
            return q
        if isinstance(e, Then):
            src = self.nodes[e.src]
            onr = self.handler_fn(n, e.on_r, 'then-rej') if e.on_r else None
            return self.then(src, self.handler_fn(n, e.on_f, 'then'), onr)
        if isinstance(e, Catch):
            return self.then(self.nodes[e.src], None, self.handler_fn(n, e.on_r, 'catch'))
        if isinstance(e, Finally):
            return self.finally_(self.nodes[e.src], self.finally_fn(n, e.h))
        if isinstance(e, Comb):
            q = self.combinator(e.kind, [self.nodes[i] for i in e.inputs])
            if e.kind == 'all':
                def conv(vs):
                    self.log(f'p{n} all', js_join(vs))
                    return js_sum(vs)
                return self.then(q, conv)
            if e.kind == 'allSettled':
                def conv2(rs):
                    self.log(f'p{n} allSettled', ' '.join(
                        ('F' + ('' if v is None else str(v))) if o == 'F' else ('R' + desc(v)) for o, v in rs))
                    return sum(1 for o, _ in rs if o == 'F')
                return self.then(q, conv2)
            return q
        if isinstance(e, Call):
            return self.call(e.fn, [self.nodes[a] for a in e.args])
        raise TypeError(e)

    def result_of(self, n, h, base):
        k = h.kind
        if k == 'value':
            if h.ty == VOID:
                return None
            return base + h.c if base is not None else h.c
        if k == 'throw':
            raise Throw(Err(h.err))
        if k == 'node':
            return self.nodes[h.node]
        if k == 'resolved':
            return self.promise_resolve(h.c if h.ty == INT else None)
        if k == 'rejected':
            return self.promise_reject(Err(h.err))
        if k == 'timer':
            q = SP()
            res, rej = self.resolving(q)

            def fire():
                self.log(f'p{n} timer')
                if h.ok:
                    res(h.c if h.ty == INT else None)
                else:
                    rej(Err(h.err))
            self.set_timer(fire, h.delay, False)
            return q
        if k == 'call':
            return self.call(h.call.fn, [self.nodes[a] for a in h.call.args])
        raise TypeError(k)

    def handler_fn(self, n, h, role):
        def f(arg):
            if role == 'then':
                if h.takes_arg:
                    self.log(f'p{n} then', arg)
                else:
                    self.log(f'p{n} then')
            elif h.takes_arg:
                self.log(f'p{n} {role}', desc(arg))
            else:
                self.log(f'p{n} {role}')
            self.exec_block(h.effects)
            return self.result_of(n, h, arg if role == 'then' and h.takes_arg else None)
        return f

    def finally_fn(self, n, h):
        def f():
            self.log(f'p{n} finally')
            self.exec_block(h.effects)
            return self.result_of(n, h, None)
        return f

    # ---- async functions: eager; each await is one PerformPromiseThen
    def call(self, k, args):
        q = SP()
        res, rej = self.resolving(q)
        gen = self.body(self.fns[k], args)
        self.suspended += 1

        def step(value=None, reason=None, throw=False):
            try:
                awaited = gen.throw(Throw(reason)) if throw else gen.send(value)
            except StopIteration as stop:
                self.suspended -= 1
                res(stop.value)
                return None
            except Throw as t:
                self.suspended -= 1
                rej(t.reason)
                return None
            p = self.promise_resolve(awaited)
            self.perform_then(p, lambda x: step(value=x), lambda r: step(reason=r, throw=True), None)
            return None
        step()
        return q

    def body(self, fn, args):
        k = fn.k
        self.log(f'f{k} start')
        v = 0
        started = {}
        for si, st in enumerate(fn.steps):
            try:
                if st.kind == 'await_param':
                    x = yield args[st.i]
                elif st.kind == 'await_value':
                    x = yield st.c
                elif st.kind == 'await_call':
                    x = yield self.call(st.call.fn, [args[i] for i in st.call.args])
                elif st.kind == 'start':
                    q = self.call(st.call.fn, [args[i] for i in st.call.args])
                    q.label = f'f{k}q{si}'
                    started[si] = q
                    x = None
                elif st.kind == 'await_q':
                    x = yield started[st.q]
                elif st.kind == 'sleep':
                    q = SP()
                    res, _ = self.resolving(q)

                    def fire(res=res, logged=st.logged):
                        if logged:
                            self.log(f'f{k} slept')
                        res(None)
                    self.set_timer(fire, st.delay, False)
                    x = yield q
                else:
                    x = js_sum((yield self.combinator('all', [args[i] for i in st.params])))
                v += x or 0
            except Throw as t:
                if not st.try_:
                    raise
                self.log(f'f{k} caught', desc(t.reason))
                if st.rethrow:
                    raise Throw(Err(st.rethrow)) from None
                v += 1000
            self.log(f'f{k} step', si, v)
        self.log(f'f{k} end', v)
        end = fn.end
        if end[0] in ('throw', 'return_failing'):  # the return expression throws
            raise Throw(Err(end[1]))
        if end[0] == 'return_param':
            return args[end[1]]
        if end[0] == 'return_call':
            return self.call(end[1].fn, [args[i] for i in end[1].args])
        return v if fn.ret == INT else None


def timing_problem(firings):
    """Why Node's real-time timers could order these firings differently from
    virtual time, or None. Firings closer than GAP must be one group: same
    due time, same setting macrotask, same delay (Node keeps them in one list
    in insertion order)."""
    fs = sorted(firings, key=lambda f: f[0])
    for a, b in zip(fs, fs[1:]):
        if b[0] - a[0] < GAP and not (a[0] == b[0] and a[1] == b[1] and a[2] == b[2]):
            return f'firings at {a[0]} and {b[0]} too close'
    return None


def make_program(seed, index):
    """Program `index` of `seed` and its model log: the first draw whose
    timers are unambiguous and whose async functions all finish."""
    for attempt in range(MAX_ATTEMPTS):
        rng = random.Random(f'{seed}:{index}:{attempt}')
        prog = Gen(rng).program(index, f'{seed}:{index}:{attempt}')
        model = Model(prog)
        out = model.run()
        if model.suspended:
            continue  # an async function would stay suspended forever (see README)
        if timing_problem(model.firings):
            continue
        if len(out) > MAX_LOG_LINES:
            continue
        return prog, out
    raise RuntimeError(f'program {index} of seed {seed}: no valid program in {MAX_ATTEMPTS} attempts')


# --------------------------------------------------------------------------
# JavaScript emitter
# --------------------------------------------------------------------------

class JsEmitter:
    def __init__(self, prog: Program):
        self.p = prog
        self.lines = []

    def emit(self, level, text):
        self.lines.append('  ' * level + text)

    def handler_result(self, n, h, base):
        k = h.kind
        if k == 'value':
            if h.ty == VOID:
                return []
            return [f'return {base} + {h.c};' if base else f'return {h.c};']
        if k == 'throw':
            return [f"throw new Error('{h.err}');"]
        if k == 'node':
            return [f'return p{h.node};']
        if k == 'resolved':
            return [f'return Promise.resolve({h.c if h.ty == INT else ""});']
        if k == 'rejected':
            return [f"return Promise.reject(new Error('{h.err}'));"]
        if k == 'timer':
            if h.ok:
                settle = f'res({h.c if h.ty == INT else ""})'
            else:
                settle = f"rej(new Error('{h.err}'))"
            return [f"return new Promise((res, rej) => setTimeout(() => {{ log('p{n} timer'); {settle}; }}, "
                    f"{h.delay}));"]
        if k == 'call':
            return [f'return f{h.call.fn}({", ".join(f"p{a}" for a in h.call.args)});']
        raise TypeError(k)

    def effects(self, h):
        sub = type(self)(self.p)
        sub.stmts(h.effects, 0)
        return [line.strip() for line in sub.lines]

    def fn_text(self, n, h, role):
        if role == 'then':
            if h.takes_arg:
                body = [f"log('p{n} then', v);"] + self.effects(h) + self.handler_result(n, h, 'v')
                return '(v) => { ' + ' '.join(body) + ' }'
            body = [f"log('p{n} then');"] + self.effects(h) + self.handler_result(n, h, None)
            return '() => { ' + ' '.join(body) + ' }'
        if role == 'fin':
            body = [f"log('p{n} finally');"] + self.effects(h) + self.handler_result(n, h, None)
            return '() => { ' + ' '.join(body) + ' }'
        if h.takes_arg:
            body = [f"log('p{n} {role}', desc(e));"] + self.effects(h) + self.handler_result(n, h, None)
            return '(e) => { ' + ' '.join(body) + ' }'
        body = [f"log('p{n} {role}');"] + self.effects(h) + self.handler_result(n, h, None)
        return '() => { ' + ' '.join(body) + ' }'

    def expr(self, e, n):
        if isinstance(e, Resolve):
            return f'Promise.resolve({"" if e.v is None else e.v})'
        if isinstance(e, ResolveNode):
            return f'Promise.resolve(p{e.src})'
        if isinstance(e, Reject):
            return f"Promise.reject(new Error('{e.err}'))"
        if isinstance(e, DeferredE):
            return f'new Promise((res, rej) => {{ d{e.d}_res = res; d{e.d}_rej = rej; }})'
        if isinstance(e, Executor):
            parts = [f"log('p{n} exec');"]
            for s in e.steps:
                if s[0] == 'res':
                    parts.append(f'res({"" if s[1] is None else s[1]});')
                elif s[0] == 'rej':
                    parts.append(f"rej(new Error('{s[1]}'));")
                elif s[0] == 'res_node':
                    parts.append(f'res(p{s[1]});')
                else:
                    parts.append(f"throw new Error('{s[1]}');")
            return 'new Promise((res, rej) => { ' + ' '.join(parts) + ' })'
        if isinstance(e, Then):
            if e.on_r:
                return f'p{e.src}.then({self.fn_text(n, e.on_f, "then")}, {self.fn_text(n, e.on_r, "then-rej")})'
            return f'p{e.src}.then({self.fn_text(n, e.on_f, "then")})'
        if isinstance(e, Catch):
            return f'p{e.src}.catch({self.fn_text(n, e.on_r, "catch")})'
        if isinstance(e, Finally):
            return f'p{e.src}.finally({self.fn_text(n, e.h, "fin")})'
        if isinstance(e, Comb):
            arr = '[' + ', '.join(f'p{i}' for i in e.inputs) + ']'
            if e.kind == 'all':
                return f"Promise.all({arr}).then((vs) => {{ log('p{n} all', vs.join(' ')); return sum(vs); }})"
            if e.kind == 'allSettled':
                return (f"Promise.allSettled({arr}).then((rs) => {{ log('p{n} allSettled', settledStr(rs)); "
                        f"return rs.filter((r) => r.status === 'fulfilled').length; }})")
            return f'Promise.{e.kind}({arr})'
        if isinstance(e, Call):
            return f'f{e.fn}({", ".join(f"p{a}" for a in e.args)})'
        raise TypeError(e)

    def settle(self, st):
        if st.ok:
            value = f'p{st.node}' if st.node >= 0 else ('' if st.v is None else str(st.v))
            return f'd{st.d}_res({value});'
        return f"d{st.d}_rej(new Error('{st.err}'));"

    def stmts(self, stmts, lvl):
        for st in stmts:
            if isinstance(st, NewNode):
                self.emit(lvl, f"p{st.n} = reg({self.expr(st.expr, st.n)}, 'p{st.n}');")
            elif isinstance(st, Settle):
                self.emit(lvl, self.settle(st))
            elif isinstance(st, SetTimeout):
                prefix = f't{st.t} = ' if st.keep_id else ''
                self.emit(lvl, f'{prefix}setTimeout(() => {{')
                self.emit(lvl + 1, f"log('t{st.t} fired');")
                self.stmts(st.body, lvl + 1)
                self.emit(lvl, f'}}, {st.delay});')
            elif isinstance(st, SetInterval):
                self.emit(lvl, f'i{st.i} = setInterval(() => {{')
                self.emit(lvl + 1, f'i{st.i}_n++;')
                self.emit(lvl + 1, f"log('i{st.i} tick', i{st.i}_n);")
                for tick in sorted(st.actions):
                    self.emit(lvl + 1, f'if (i{st.i}_n === {tick}) {{')
                    self.stmts(st.actions[tick], lvl + 2)
                    self.emit(lvl + 1, '}')
                self.emit(lvl + 1, f'if (i{st.i}_n === {st.max_n}) clearInterval(i{st.i});')
                self.emit(lvl, f'}}, {st.delay});')
            elif isinstance(st, Clear):
                self.emit(lvl, f'{"clearTimeout" if st.what == "t" else "clearInterval"}({st.what}{st.id});')
            elif isinstance(st, Micro):
                self.emit(lvl, 'queueMicrotask(() => {')
                self.emit(lvl + 1, f"log('m{st.m} run');")
                self.stmts(st.body, lvl + 1)
                self.emit(lvl, '});')
            else:
                raise TypeError(st)

    def fn(self, f: FnDef, lvl):
        fns = {g.k: g for g in self.p.fns}
        params = ', '.join(f'a{i}' for i in range(len(f.ptypes)))
        self.emit(lvl, f'async function f{f.k}({params}) {{')
        b = lvl + 1
        self.emit(b, f"log('f{f.k} start');")
        self.emit(b, 'let v = 0;')
        for si, st in enumerate(f.steps):
            add = 'v += ' if step_type(f, st, fns) == INT else ''
            if st.kind == 'await_param':
                code = f'{add}await a{st.i};'
            elif st.kind == 'await_value':
                code = f'{add}await {"undefined" if st.c is None else st.c};'
            elif st.kind == 'await_call':
                code = f'{add}await f{st.call.fn}({", ".join(f"a{i}" for i in st.call.args)});'
            elif st.kind == 'start':
                code = f"const q{si} = reg(f{st.call.fn}({', '.join(f'a{i}' for i in st.call.args)}), 'f{f.k}q{si}');"
            elif st.kind == 'await_q':
                code = f'{add}await q{st.q};'
            elif st.kind == 'sleep':
                if st.logged:
                    code = (f"await new Promise((res) => setTimeout(() => {{ log('f{f.k} slept'); res(); }}, "
                            f"{st.delay}));")
                else:
                    code = f'await new Promise((res) => setTimeout(res, {st.delay}));'
            else:
                arr = ', '.join(f'a{i}' for i in st.params)
                code = f'v += sum(await Promise.all([{arr}]));'
            if st.try_:
                after = f"throw new Error('{st.rethrow}');" if st.rethrow else 'v += 1000;'
                self.emit(b, f"try {{ {code} }} catch (e) {{ log('f{f.k} caught', desc(e)); {after} }}")
            else:
                self.emit(b, code)
            self.emit(b, f"log('f{f.k} step', {si}, v);")
        self.emit(b, f"log('f{f.k} end', v);")
        end = f.end
        if end[0] == 'throw':
            self.emit(b, f"throw new Error('{end[1]}');")
        elif end[0] == 'return_failing':
            self.emit(b, f"return failing('{end[1]}');")
        elif end[0] == 'return_param':
            self.emit(b, f'return a{end[1]};')
        elif end[0] == 'return_call':
            self.emit(b, f'return f{end[1].fn}({", ".join(f"a{i}" for i in end[1].args)});')
        elif f.ret == INT:
            self.emit(b, 'return v;')
        self.emit(lvl, '}')

    def program(self, lvl=1):
        p = self.p
        self.emit(lvl, f'// program {p.index} ({p.seed})')
        if p.types:
            self.emit(lvl, 'let ' + ', '.join(f'p{i}' for i in sorted(p.types)) + ';')
        if p.dtypes:
            self.emit(lvl, 'let ' + ', '.join(f'd{d}_res, d{d}_rej' for d in p.dtypes) + ';')
        ids = [f't{t}' for t in sorted(p.kept_timer_ids)] + [f'i{i}, i{i}_n = 0' for i in range(p.intervals)]
        if ids:
            self.emit(lvl, 'let ' + ', '.join(ids) + ';')
        for f in p.fns:
            self.fn(f, lvl)
        self.stmts(p.top, lvl)
        return self.lines


JS_PROLOGUE = ("const { log, reg, desc, failing, sum, settledStr, setTimeout, clearTimeout, setInterval, clearInterval, "
               "queueMicrotask } = env;")


def js_program_function(prog):
    lines = ['(env) => {', '  ' + JS_PROLOGUE] + JsEmitter(prog).program(1) + ['}']
    return '\n'.join(lines)


# --------------------------------------------------------------------------
# C++ emitter
# --------------------------------------------------------------------------

def cpp_promise(ty):
    return f'awl::Promise<{ty}>'


class CppEmitter:
    def __init__(self, prog: Program):
        self.p = prog
        self.lines = []

    def emit(self, level, text):
        self.lines.append('  ' * level + text)

    @staticmethod
    def returns_promise(h):
        return h.kind in ('node', 'resolved', 'rejected', 'timer', 'call')

    def handler_result(self, n, h, base):
        k = h.kind
        P = cpp_promise(h.ty)
        if k == 'value':
            if h.ty == VOID:
                return []
            return [f'return {base} + {h.c};' if base else f'return {h.c};']
        if k == 'throw':
            return [f'throw std::runtime_error("{h.err}");']
        if k == 'node':
            return [f'return p{h.node};']
        if k == 'resolved':
            return [f'return {P}::resolve({h.c if h.ty == INT else ""});']
        if k == 'rejected':
            return [f'return {P}::reject(std::runtime_error("{h.err}"));']
        if k == 'timer':
            if h.ok:
                return [f'return {P}([](awl::Resolver<{h.ty}> res, awl::Rejecter<{h.ty}>) {{ '
                        f'awl::set_timeout([res] {{ log("p{n} timer"); res({h.c if h.ty == INT else ""}); }}, '
                        f'{h.delay}); }});']
            return [f'return {P}([](awl::Resolver<{h.ty}>, awl::Rejecter<{h.ty}> rej) {{ '
                    f'awl::set_timeout([rej] {{ log("p{n} timer"); rej(std::runtime_error("{h.err}")); }}, '
                    f'{h.delay}); }});']
        if k == 'call':
            return [f'return f{h.call.fn}({", ".join(f"p{a}" for a in h.call.args)});']
        raise TypeError(k)

    def effects(self, h):
        sub = type(self)(self.p)
        sub.stmts(h.effects, 0)
        return [line.strip() for line in sub.lines]

    def fn_text(self, n, h, role):
        ret = cpp_promise(h.ty) if self.returns_promise(h) else h.ty
        if role == 'fin':
            body = [f'log("p{n} finally");'] + self.effects(h) + self.handler_result(n, h, None)
            return f'[&]() -> {ret} {{ ' + ' '.join(body) + ' }'
        if role == 'then':
            if h.takes_arg:
                body = [f'log("p{n} then", v);'] + self.effects(h) + self.handler_result(n, h, 'v')
                return f'[&](int v) -> {ret} {{ ' + ' '.join(body) + ' }'
            body = [f'log("p{n} then");'] + self.effects(h) + self.handler_result(n, h, None)
            return f'[&]() -> {ret} {{ ' + ' '.join(body) + ' }'
        if h.takes_arg:
            body = [f'log("p{n} {role}", desc(e));'] + self.effects(h) + self.handler_result(n, h, None)
            return f'[&](const std::exception_ptr& e) -> {ret} {{ ' + ' '.join(body) + ' }'
        body = [f'log("p{n} {role}");'] + self.effects(h) + self.handler_result(n, h, None)
        return f'[&]() -> {ret} {{ ' + ' '.join(body) + ' }'

    def expr(self, e, n):
        if isinstance(e, Resolve):
            return f'awl::Promise<int>::resolve({e.v})' if e.v is not None else 'awl::Promise<void>::resolve()'
        if isinstance(e, ResolveNode):
            return f'awl::Promise<int>::resolve(p{e.src})'
        if isinstance(e, Reject):
            return f'{cpp_promise(e.ty)}::reject(std::runtime_error("{e.err}"))'
        if isinstance(e, DeferredE):
            return f'd{e.d}.promise()'
        if isinstance(e, Executor):
            parts = [f'log("p{n} exec");']
            uses_res = uses_rej = False
            for s in e.steps:
                if s[0] == 'res':
                    parts.append(f'res({"" if s[1] is None else s[1]});')
                    uses_res = True
                elif s[0] == 'rej':
                    parts.append(f'rej(std::runtime_error("{s[1]}"));')
                    uses_rej = True
                elif s[0] == 'res_node':
                    parts.append(f'res(p{s[1]});')
                    uses_res = True
                else:
                    parts.append(f'throw std::runtime_error("{s[1]}");')
            res = f'awl::Resolver<{e.ty}>' + (' res' if uses_res else '')
            rej = f'awl::Rejecter<{e.ty}>' + (' rej' if uses_rej else '')
            return f'{cpp_promise(e.ty)}([&]({res}, {rej}) {{ ' + ' '.join(parts) + ' })'
        if isinstance(e, Then):
            if e.on_r:
                return f'p{e.src}.then({self.fn_text(n, e.on_f, "then")}, {self.fn_text(n, e.on_r, "then-rej")})'
            return f'p{e.src}.then({self.fn_text(n, e.on_f, "then")})'
        if isinstance(e, Catch):
            return f'p{e.src}.catch_({self.fn_text(n, e.on_r, "catch")})'
        if isinstance(e, Finally):
            return f'p{e.src}.finally({self.fn_text(n, e.h, "fin")})'
        if isinstance(e, Comb):
            fn = {'all': 'when_all', 'allSettled': 'when_all_settled', 'any': 'when_any', 'race': 'race'}[e.kind]
            if e.form == 'var':
                call = f'awl::{fn}({", ".join(f"p{i}" for i in e.inputs)})'
            else:
                call = f'awl::{fn}(std::vector<{cpp_promise(e.ty)}>{{{", ".join(f"p{i}" for i in e.inputs)}}})'
            if e.kind == 'all':
                return f'{call}.then([&](const auto& vs) -> int {{ log("p{n} all", join(vs)); return sum(vs); }})'
            if e.kind == 'allSettled':
                return (f'{call}.then([&](const auto& rs) -> int {{ log("p{n} allSettled", settled_str(rs)); '
                        f'return fulfilled_count(rs); }})')
            return call
        if isinstance(e, Call):
            return f'f{e.fn}({", ".join(f"p{a}" for a in e.args)})'
        raise TypeError(e)

    def settle(self, st):
        if st.ok:
            value = f'p{st.node}' if st.node >= 0 else ('' if st.v is None else str(st.v))
            return f'd{st.d}.resolve({value});'
        return f'd{st.d}.reject("{st.err}");'

    def stmts(self, stmts, lvl):
        for st in stmts:
            if isinstance(st, NewNode):
                self.emit(lvl, f'p{st.n} = tr.reg({self.expr(st.expr, st.n)}, "p{st.n}");')
            elif isinstance(st, Settle):
                self.emit(lvl, self.settle(st))
            elif isinstance(st, SetTimeout):
                prefix = f't{st.t} = ' if st.keep_id else ''
                self.emit(lvl, f'{prefix}awl::set_timeout([&] {{')
                self.emit(lvl + 1, f'log("t{st.t} fired");')
                self.stmts(st.body, lvl + 1)
                self.emit(lvl, f'}}, {st.delay});')
            elif isinstance(st, SetInterval):
                self.emit(lvl, f'i{st.i} = awl::set_interval([&] {{')
                self.emit(lvl + 1, f'++i{st.i}_n;')
                self.emit(lvl + 1, f'log("i{st.i} tick", i{st.i}_n);')
                for tick in sorted(st.actions):
                    self.emit(lvl + 1, f'if (i{st.i}_n == {tick}) {{')
                    self.stmts(st.actions[tick], lvl + 2)
                    self.emit(lvl + 1, '}')
                self.emit(lvl + 1, f'if (i{st.i}_n == {st.max_n}) awl::clear_interval(i{st.i});')
                self.emit(lvl, f'}}, {st.delay});')
            elif isinstance(st, Clear):
                self.emit(lvl, f'awl::{"clear_timeout" if st.what == "t" else "clear_interval"}({st.what}{st.id});')
            elif isinstance(st, Micro):
                self.emit(lvl, 'awl::queue_microtask([&] {')
                self.emit(lvl + 1, f'log("m{st.m} run");')
                self.stmts(st.body, lvl + 1)
                self.emit(lvl, '});')
            else:
                raise TypeError(st)

    def fn(self, f: FnDef):
        fns = {g.k: g for g in self.p.fns}
        used = set()
        for st in f.steps:
            used |= {st.i} if st.kind == 'await_param' else set(st.params) | set(st.call.args if st.call else [])
        if f.end[0] == 'return_param':
            used.add(f.end[1])
        elif f.end[0] == 'return_call':
            used |= set(f.end[1].args)
        params = ', '.join(('' if i in used else '[[maybe_unused]] ') + f'{cpp_promise(t)} a{i}'
                           for i, t in enumerate(f.ptypes))
        self.emit(0, f'{cpp_promise(f.ret)} f{f.k}({params}) {{')
        b = 1
        self.emit(b, f'log("f{f.k} start");')
        self.emit(b, 'int v = 0;')
        for si, st in enumerate(f.steps):
            add = 'v += ' if step_type(f, st, fns) == INT else ''
            if st.kind == 'await_param':
                code = f'{add}co_await a{st.i};'
            elif st.kind == 'await_value':
                code = (f'co_await awl::Promise<void>::resolve();' if st.c is None
                        else f'{add}co_await awl::Promise<int>::resolve({st.c});')
            elif st.kind == 'await_call':
                code = f'{add}co_await f{st.call.fn}({", ".join(f"a{i}" for i in st.call.args)});'
            elif st.kind == 'start':
                code = (f'{cpp_promise(fns[st.call.fn].ret)} q{si} = '
                        f'reg(f{st.call.fn}({", ".join(f"a{i}" for i in st.call.args)}), "f{f.k}q{si}");')
            elif st.kind == 'await_q':
                code = f'{add}co_await q{st.q};'
            elif st.kind == 'sleep':
                if st.logged:
                    code = (f'co_await awl::Promise<void>([](awl::Resolver<void> res, awl::Rejecter<void>) {{ '
                            f'awl::set_timeout([res] {{ log("f{f.k} slept"); res(); }}, {st.delay}); }});')
                else:
                    code = f'co_await awl::sleep({st.delay});'
            else:
                # GCC 12 rejects a braced list inside co_await: build the vector first.
                arr = ', '.join(f'a{i}' for i in st.params)
                ty = f.ptypes[st.params[0]]
                code = f'std::vector<{cpp_promise(ty)}> in{{{arr}}}; v += sum(co_await awl::when_all(in));'
                if not st.try_:
                    code = '{ ' + code + ' }'
            if st.try_:
                after = f'throw std::runtime_error("{st.rethrow}");' if st.rethrow else 'v += 1000;'
                self.emit(b, f'try {{ {code} }} catch (...) {{ log("f{f.k} caught", desc(std::current_exception())); '
                             f'{after} }}')
            else:
                self.emit(b, code)
            self.emit(b, f'log("f{f.k} step", {si}, v);')
        self.emit(b, f'log("f{f.k} end", v);')
        end = f.end
        done = 'co_return v;' if f.ret == INT else 'co_return;'
        if end[0] == 'throw':
            self.emit(b, f'throw std::runtime_error("{end[1]}");')
            self.emit(b, f'{done}  // not reached; makes the function a coroutine')
        elif end[0] == 'return_failing':
            self.emit(b, f'co_return Failing{{"{end[1]}"}};')
        elif end[0] == 'return_param':
            self.emit(b, f'co_return a{end[1]};')
        elif end[0] == 'return_call':
            self.emit(b, f'co_return f{end[1].fn}({", ".join(f"a{i}" for i in end[1].args)});')
        else:
            self.emit(b, done)
        self.emit(0, '}')

    def body(self, lvl):
        """The statements of the program; expects `loop` and `tr` in scope."""
        p = self.p
        for ty in (INT, VOID):
            names = [f'p{i}' for i in sorted(p.types) if p.types[i] == ty]
            if names:
                self.emit(lvl, f'{cpp_promise(ty)} ' + ', '.join(names) + ';')
        for d, ty in p.dtypes.items():
            self.emit(lvl, f'Deferred<{ty}> d{d};')
        ids = [f't{t} = 0' for t in sorted(p.kept_timer_ids)] + [f'i{i} = 0' for i in range(p.intervals)]
        if ids:
            self.emit(lvl, 'awl::TimerId ' + ', '.join(ids) + ';')
        for i in range(p.intervals):
            self.emit(lvl, f'int i{i}_n = 0;')
        self.stmts(p.top, lvl)
        self.emit(lvl, 'loop.run();')

    def program(self, name):
        p = self.p
        self.emit(0, f'// program {p.index} ({p.seed})')
        self.emit(0, f'namespace {name} {{')
        self.emit(0, 'using namespace awl_gen;')
        for f in p.fns:
            self.fn(f)
        self.emit(0, 'void program() {')
        self.emit(1, 'awl::EventLoop loop{awl::virtual_time};')
        self.emit(1, 'Tracker tr(loop);')
        self.body(1)
        self.emit(0, '}')
        self.emit(0, f'const Registrar registrar{{{p.index}, &program}};')
        self.emit(0, f'}}  // namespace {name}')
        return self.lines


# --------------------------------------------------------------------------
# A program as a test/diff case pair (the start of a minimised repro)
# --------------------------------------------------------------------------

DIFF_JS_HELPERS = """\
const log = console.log;
const desc = (e) => (e instanceof AggregateError ? `Agg(${e.errors.map(desc).join(',')})` : e.message);
const failing = (message) => { throw new Error(message); };
const sum = (vs) => vs.reduce((a, b) => a + (b ?? 0), 0);
const settledStr = (rs) => rs.map((r) => (r.status === 'fulfilled' ? `F${r.value ?? ''}` : `R${desc(r.reason)}`)).join(' ');
const labels = new Map();
const reg = (p, label) => { labels.set(p, label); return p; };
process.on('unhandledRejection', (r, p) => log('unhandled', labels.get(p) ?? '?', desc(r)));
process.on('rejectionHandled', (p) => log('handled', labels.get(p) ?? '?'));
"""


def diff_case(prog, name):
    js = [f'// Generated by test/gen/promise_gen.py (program {prog.index}, {prog.seed}); minimise by hand.',
          DIFF_JS_HELPERS.rstrip('\n')]
    js += JsEmitter(prog).program(0)[1:]
    em = CppEmitter(prog)
    cpp = [f'// Generated by test/gen/promise_gen.py (program {prog.index}, {prog.seed}); minimise by hand.',
           '#include "case_registry.hpp"', '#include "../../gen/gen_support.hpp"', '',
           f'namespace {name} {{', 'using namespace awl_diff;', 'using awl_gen::Deferred;', 'using awl_gen::desc;',
           'using awl_gen::fulfilled_count;', 'using awl_gen::join;', 'using awl_gen::reg;',
           'using awl_gen::settled_str;', 'using awl_gen::sum;', 'using awl_gen::Tracker;', '']
    for f in prog.fns:
        em.fn(f)
    cpp += em.lines
    em.lines = []
    cpp += ['', f'AWL_DIFF_CASE({name}) {{', '  awl::EventLoop loop{awl::virtual_time};', '  Tracker tr(loop);']
    em.body(1)
    cpp += em.lines
    cpp += ['  return 0;', '}', f'}}  // namespace {name}']
    return '\n'.join(js) + '\n', '\n'.join(cpp) + '\n'


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def write_if_changed(path, text):
    # Keeps the timestamp when nothing changed, so a build does not recompile.
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, 'w') as f:
        f.write(text)


def write_batch(seed, first, count, out, chunks):
    os.makedirs(out, exist_ok=True)
    progs = []
    model_lines = []
    for i in range(first, first + count):
        prog, model_out = make_program(seed, i)
        progs.append(prog)
        model_lines.append(f'=== {i}')
        model_lines += model_out
    js = ['// Generated by test/gen/promise_gen.py: run with js_runner.js.', "'use strict';",
          'module.exports = {', f'  seed: {json.dumps(str(seed))},', f'  first: {first},', '  programs: [']
    for prog in progs:
        js.append(js_program_function(prog) + ',')
    js += ['  ],', '};']
    write_if_changed(os.path.join(out, 'programs.js'), '\n'.join(js) + '\n')
    chunks = max(1, min(chunks, count))
    per = -(-count // chunks)
    for c in range(chunks):
        lines = ['// Generated by test/gen/promise_gen.py.', '#include "gen_support.hpp"', '']
        for prog in progs[c * per:(c + 1) * per]:
            lines += CppEmitter(prog).program(f'gen_{prog.index}')
            lines.append('')
        write_if_changed(os.path.join(out, f'chunk_{c}.cpp'), '\n'.join(lines) + '\n')
    write_if_changed(os.path.join(out, 'model.txt'), '\n'.join(model_lines) + '\n')
    write_if_changed(os.path.join(out, 'manifest.json'),
                     json.dumps({'seed': str(seed), 'first': first, 'count': count, 'chunks': chunks}) + '\n')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', required=True)
    ap.add_argument('--count', type=int, default=1)
    ap.add_argument('--first', type=int, default=0)
    ap.add_argument('--chunks', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--index', type=int, help='with --diff-case: the program to emit')
    ap.add_argument('--diff-case', metavar='NAME', help='emit program --index as NAME.js / NAME.cpp in --out')
    args = ap.parse_args(argv)
    if args.diff_case:
        if args.index is None:
            ap.error('--diff-case needs --index')
        prog, _ = make_program(args.seed, args.index)
        js, cpp = diff_case(prog, args.diff_case)
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, args.diff_case + '.js'), 'w') as f:
            f.write(js)
        with open(os.path.join(args.out, args.diff_case + '.cpp'), 'w') as f:
            f.write(cpp)
        return 0
    write_batch(args.seed, args.first, args.count, args.out, args.chunks)
    return 0


if __name__ == '__main__':
    sys.exit(main())
