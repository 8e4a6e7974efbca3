'use strict';
// Merges awl_bench and node_bench.js outputs into one table plus the goal
// checks. Every figure is the MINIMUM over the repetitions, in ns per element
// (the medians are in the raw files, 6th column). Two clocks:
//   wall  elapsed real time (what a user waits for);
//   cpu   the process's CPU time over the same interval: leaves out the time
//         spent descheduled on a busy shared machine; for Node it includes
//         its helper threads (concurrent GC), for awl there are none.
// Usage: node report.js AWL_OUTPUT NODE_OUTPUT

const fs = require('fs');

const GOALS = {
  wholeSpeedup: 10, // node/awl on every whole-job figure
  flat: 1.3, // the goal: ns per element grows at most this much from 1k to 1M
  cliff: 2, // growth of ns per element with N above this is a cliff
  microtaskReaction: 10, // ns per microtask reaction when draining
  awaitResume: 15, // ns per co_await resume when draining
  ringRatio: 3, // awl microtask drain vs bare ring drain
};
const CLOCKS = [['wall', ''], ['cpu', '_cpu']];

function parse(file, impl) {
  const rows = [];
  const comments = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#')) comments.push(line);
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || f[0] !== impl) continue;
    rows.push({ workload: f[1], n: Number(f[2]), phase: f[3], min: Number(f[4]), median: Number(f[5]) });
  }
  return { rows, comments };
}

const [awlFile, nodeFile] = process.argv.slice(2);
if (!awlFile || !nodeFile) {
  console.error('usage: node report.js AWL_OUTPUT NODE_OUTPUT');
  process.exit(2);
}
const awl = parse(awlFile, 'awl');
const node = parse(nodeFile, 'node');
const key = (workload, n, phase) => `${workload} ${n} ${phase}`;
const index = (rows) => new Map(rows.map((r) => [key(r.workload, r.n, r.phase), r]));
const awlByKey = index(awl.rows);
const nodeByKey = index(node.rows);
const value = (map, workload, n, phase) => map.get(key(workload, n, phase))?.min;

const fmt = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined ? '-' : fmt(a / b) + 'x');
const pass = (ok) => (ok === undefined ? 'n/a (not run)' : ok ? 'MET' : 'MISSED');

for (const c of [...awl.comments, ...node.comments]) console.log(c);
console.log('ns per element, MINIMUM over the repetitions; node/awl = how many times faster awl is.');
console.log('wall = elapsed time; cpu = process CPU time over the same interval (Node: all its threads).');
console.log('');

// --- The table: one line per (workload, N, phase), wall and cpu side by side.
const header = ['workload', 'N', 'phase', 'awl wall', 'node wall', 'node/awl', 'awl cpu', 'node cpu', 'node/awl'];
const widths = [17, 8, 6, 10, 10, 9, 10, 10, 9];
const line = (cells) =>
  cells.map((c, i) => (i < 3 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join(' '));
const lines = [];
const seen = new Set();
for (const r of [...awl.rows, ...node.rows]) {
  if (r.phase.endsWith('_cpu')) continue;
  const k = key(r.workload, r.n, r.phase);
  if (seen.has(k)) continue;
  seen.add(k);
  lines.push(r);
}
for (const { workload, n, phase } of lines) {
  const aw = value(awlByKey, workload, n, phase);
  const nw = value(nodeByKey, workload, n, phase);
  const ac = value(awlByKey, workload, n, phase + '_cpu');
  const nc = value(nodeByKey, workload, n, phase + '_cpu');
  console.log(line([workload, n, phase, fmt(aw, 2), fmt(nw, 2), ratio(nw, aw), fmt(ac, 2), fmt(nc, 2), ratio(nc, ac)]));
}

console.log('');
console.log(`Workloads (whole = build + run to completion [+ destroy, awl]; drain = the loop's run alone):
  then_chain        p = p.then(x => x + 1) x N on a pending promise, then resolve it
  await_resolved    one async fn: for (i < N) sum += await Promise.resolve(i)
  await_prebuilt    the same over N promises resolved before the drain (drain = resumptions only)
  co_await_fn       one async fn: for (i < N) sum += await f(i), f an async fn returning i without awaiting
  microtasks        N x queue_microtask(() => counter++)
  bare_ring         awl only: a minimal ring of {fn pointer, void*} running N trivial callbacks
  bare_co_await_fn  awl only: co_await_fn with the least JavaScript's await allows (pooled eager
                    frames holding their result, every await continued through that ring)
  when_all          Promise.all over N PRE-RESOLVED inputs (Promise.resolve(i))
  when_all_pending  Promise.all over N pending inputs, all resolved synchronously before the drain
  when_all_settled  Promise.allSettled over N pre-resolved inputs
  timers_same       N timers at the same 1 ms delay; awl: virtual time; node: real time, the idle
                    wait excluded (drain = first..last callback, whole = scheduling + drain)
  timers_varied     delays i % 100 ms; awl: virtual time; node: real time with the idle time
                    subtracted (wall drain = event-loop ACTIVE time, performance.eventLoopUtilization)`);

// --- Goal 1: >= 10x faster than Node on the whole job for the four figures
// the goal names; then the same bar over every whole-job figure, small N
// included (where Node's fixed costs are low and the bar is not the goal).
console.log('');
const NAMED_WHOLES = [
  ['then_chain', 1e6],
  ['await_resolved', 1e6],
  ['co_await_fn', 1e6],
  ['when_all', 1e5],
];
for (const [clock, suffix] of CLOCKS) {
  const cells = NAMED_WHOLES.map(([workload, n]) => {
    const a = value(awlByKey, workload, n, 'whole' + suffix);
    const b = value(nodeByKey, workload, n, 'whole' + suffix);
    return { label: `${workload}@${n}`, speedup: a === undefined || b === undefined ? undefined : b / a };
  });
  const run = cells.filter((c) => c.speedup !== undefined);
  const met = run.filter((c) => c.speedup >= GOALS.wholeSpeedup);
  console.log(`Goal (${clock}): >= ${GOALS.wholeSpeedup}x faster than Node on the whole job for ` +
              `${cells.map((c) => c.label).join(', ')}: ` +
              `${pass(run.length ? met.length === run.length : undefined)} (${met.length}/${run.length} reach it` +
              `${run.length < cells.length ? `, ${cells.length - run.length} not run` : ''})`);
  console.log('  ' + cells.map((c) => (c.speedup === undefined ? 'not run' : fmt(c.speedup) + 'x')).join(', '));
}
for (const [clock, suffix] of CLOCKS) {
  const wholes = awl.rows.filter((a) => a.phase === 'whole' + suffix && nodeByKey.has(key(a.workload, a.n, a.phase)));
  const speedup = (a) => value(nodeByKey, a.workload, a.n, a.phase) / a.min;
  const slow = wholes.filter((a) => speedup(a) < GOALS.wholeSpeedup);
  console.log(`Beyond the goal (${clock}): >= ${GOALS.wholeSpeedup}x faster than Node on every whole-job figure: ` +
              `${pass(wholes.length ? slow.length === 0 : undefined)} ` +
              `(${wholes.length - slow.length}/${wholes.length} reach it)`);
  if (slow.length) console.log('  below: ' + slow.map((a) => `${a.workload}@${a.n} ${fmt(speedup(a))}x`).join(', '));
}

// --- Goal 2: no cliff: per-element cost flat across N.
console.log('');
console.log(`Flatness: max/min ns per element across N, and growth = the worst cost at an N over the best cost`);
console.log(`at any smaller-or-equal N: flat up to ${GOALS.flat}x (the goal), a cliff above ${GOALS.cliff}x, growing between;`);
console.log(`a cost falling with N is fixed overhead being amortised, not growth).`);
const verdicts = {};
for (const [clock, suffix] of CLOCKS) {
  const groups = new Map();
  for (const [impl, rows] of [['awl', awl.rows], ['node', node.rows]]) {
    for (const r of rows) {
      if (r.phase !== 'whole' + suffix && r.phase !== 'drain' + suffix) continue;
      const g = `${impl} ${r.workload} ${r.phase}`;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(r);
    }
  }
  let cliffs = 0;
  let growing = 0;
  let series = 0;
  for (const [g, unsorted] of groups) {
    if (unsorted.length < 2) continue;
    const rows = [...unsorted].sort((a, b) => a.n - b.n);
    const values = rows.map((r) => r.min);
    let growth = 1;
    let best = Infinity;
    for (const v of values) {
      best = Math.min(best, v);
      growth = Math.max(growth, v / best);
    }
    const cliff = growth > GOALS.cliff;
    const flat = growth <= GOALS.flat;
    if (g.startsWith('awl ')) {
      series++;
      if (cliff) cliffs++;
      if (!flat) growing++;
    }
    const spread = Math.max(...values) / Math.min(...values);
    console.log(`  ${g.padEnd(30)} max/min ${fmt(spread, 2).padStart(5)}x  growth ${fmt(growth, 2).padStart(5)}x ` +
                `${cliff ? 'CLIFF' : flat ? 'flat ' : 'grows'}  [${rows.map((r) => `${r.n}:${fmt(r.min)}`).join('  ')}]`);
  }
  verdicts[clock] = series
    ? `flat ${pass(growing === 0)}${growing ? ` (${growing} of ${series} awl series grow)` : ''}, ` +
      `no cliff ${pass(cliffs === 0)}${cliffs ? ` (${cliffs} awl series)` : ''}`
    : pass(undefined);
}
console.log(`Goal: per-element cost flat (<= ${GOALS.flat}x) as sizes grow, and no cliff (awl): wall ${verdicts.wall}; cpu ${verdicts.cpu}`);

// --- Goal 3: per-reaction / per-resume cost when draining.
console.log('');
console.log('Drain cost per element (awl), wall / cpu:');
function perElement(workload, label, target) {
  const result = {};
  const cells = [];
  for (const [clock, suffix] of CLOCKS) {
    const rows = awl.rows.filter((r) => r.workload === workload && r.phase === 'drain' + suffix);
    if (!rows.length) return undefined;
    result[clock] = Math.max(...rows.map((r) => r.min)) <= target;
  }
  for (const r of awl.rows.filter((x) => x.workload === workload && x.phase === 'drain')) {
    cells.push(`N=${r.n}: ${fmt(r.min, 2)}/${fmt(value(awlByKey, workload, r.n, 'drain_cpu'), 2)}`);
  }
  console.log(`  ${label.padEnd(40)} ${cells.join(', ')}  -> wall ${pass(result.wall)}, cpu ${pass(result.cpu)} ` +
              `(target <= ${target} ns at every N)`);
  return result;
}
const both = (r) => (r === undefined ? pass(undefined) : `wall ${pass(r.wall)} / cpu ${pass(r.cpu)}`);
const m1 = perElement('microtasks', 'microtask reaction: queue_microtask job', GOALS.microtaskReaction);
const m2 = perElement('then_chain', 'microtask reaction: then-chain link', GOALS.microtaskReaction);
const r1 = perElement('await_prebuilt', 'co_await resume of a resolved promise', GOALS.awaitResume);
const r2 = perElement('await_resolved', 'co_await resume + Promise.resolve(i)', GOALS.awaitResume);
const r3 = perElement('co_await_fn', 'co_await f() (call + frame + resume)', GOALS.awaitResume);
console.log(`Goal: <= ${GOALS.microtaskReaction} ns per microtask reaction: queue_microtask ${both(m1)}; ` +
            `then-reaction ${both(m2)}`);
console.log(`Goal: <= ${GOALS.awaitResume} ns per co_await resume: resolved promise ${both(r1)}; ` +
            `with Promise.resolve ${both(r2)}; co_await f() ${both(r3)}`);

// --- Goal 4: within 3x of a bare ring buffer.
console.log('');
console.log('awl microtask drain vs bare ring buffer drain (same N), wall (cpu):');
let ringOk;
for (const r of awl.rows.filter((x) => x.workload === 'bare_ring' && x.phase === 'drain')) {
  const m = value(awlByKey, 'microtasks', r.n, 'drain');
  if (m === undefined) continue;
  const mc = value(awlByKey, 'microtasks', r.n, 'drain_cpu');
  const rc = value(awlByKey, 'bare_ring', r.n, 'drain_cpu');
  const mw = value(awlByKey, 'microtasks', r.n, 'whole');
  const rw = value(awlByKey, 'bare_ring', r.n, 'whole');
  ringOk = (ringOk ?? true) && m / r.min <= GOALS.ringRatio;
  console.log(`  N=${String(r.n).padEnd(8)} drain ${fmt(m, 2)} vs ${fmt(r.min, 2)} ns = ${fmt(m / r.min, 2)}x ` +
              `(cpu ${fmt(mc / rc, 2)}x);  whole ${fmt(mw, 2)} vs ${fmt(rw, 2)} ns = ${fmt(mw / rw, 2)}x`);
}
console.log(`Goal: microtask drain within ${GOALS.ringRatio}x of the bare ring buffer (wall, every N): ${pass(ringOk)}`);

// --- The floor under co_await f(): how far awl is from it, and what 10x Node asks of it.
console.log('');
console.log('co_await f() against its floor (bare_co_await_fn), whole job, ns per await:');
for (const r of awl.rows.filter((x) => x.workload === 'bare_co_await_fn' && x.phase === 'whole')) {
  const a = value(awlByKey, 'co_await_fn', r.n, 'whole');
  const nd = value(nodeByKey, 'co_await_fn', r.n, 'whole');
  if (a === undefined) continue;
  let line = `  N=${String(r.n).padEnd(8)} awl ${fmt(a, 2)} vs floor ${fmt(r.min, 2)} = ${fmt(a / r.min, 2)}x`;
  if (nd !== undefined) {
    line += `;  node ${fmt(nd, 2)}: 10x node needs <= ${fmt(nd / 10, 2)} ns, the floor is node/${fmt(nd / r.min, 1)}`;
  }
  console.log(line);
}
