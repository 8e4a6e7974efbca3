'use strict';
// The awl_bench workloads in plain JavaScript, for Node 20. Same output lines:
//   node <workload> <N> <phase> <min ns/element> <median ns/element>
// (phases whole, drain: wall clock; whole_cpu, drain_cpu: process CPU time).
// whole = building the work + running it to completion (the end is stamped in
// the last callback); drain = from the end of the synchronous build to that
// last callback. Garbage created by a run is collected by gc() between runs,
// outside the timed region (collections that happen during a run are timed).
//
// Usage: node --expose-gc node_bench.js [--reps R] [--warmup W]
//                                       [--sizes 1000,10000,...] [--filter S] [--smoke]

// A stamp is the wall clock (hrtime) and the process's CPU time (user +
// system, all threads: GC helpers included), both in ns; a span is the
// difference of two stamps.
const cpuNs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1000;
};
const now = () => ({ wall: process.hrtime.bigint(), cpu: cpuNs() });
const elapsed = (from, to) => ({ wall: Number(to.wall - from.wall), cpu: to.cpu - from.cpu });
const add = (a, b) => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
const triangle = (n) => (n * (n - 1)) / 2;

// 1. p = p.then(x => x + 1) x N on a pending promise, then resolve it.
function thenChain(n) {
  return new Promise((done) => {
    let t1 = null;
    const t0 = now();
    let resolve;
    const root = new Promise((r) => { resolve = r; });
    let p = root;
    for (let i = 0; i < n; i++) p = p.then((x) => x + 1);
    p.then((x) => {
      const t2 = now();
      done({ whole: elapsed(t0, t2), drain: elapsed(t1, t2), ok: x === n });
    });
    resolve(0);
    t1 = now();
  });
}

// Runs an async function to completion.
function runAsync(start, expected) {
  return new Promise((done) => {
    const t0 = now();
    const finished = start();
    const t1 = now();
    finished.then((sum) => {
      const t2 = now();
      done({ whole: elapsed(t0, t2), drain: elapsed(t1, t2), ok: sum === expected });
    });
  });
}

// 2. for (i) sum += await Promise.resolve(i)
async function awaitResolvedBody(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await Promise.resolve(i);
  return sum;
}
const awaitResolved = (n) => runAsync(() => awaitResolvedBody(n), triangle(n));

// 2b. The N resolved promises are created before the drain.
async function awaitEach(inputs) {
  let sum = 0;
  for (const input of inputs) sum += await input;
  return sum;
}
function awaitPrebuilt(n) {
  return new Promise((done) => {
    const t0 = now();
    const inputs = [];
    for (let i = 0; i < n; i++) inputs.push(Promise.resolve(i));
    const finished = awaitEach(inputs);
    const t1 = now();
    finished.then((sum) => {
      const t2 = now();
      done({ whole: elapsed(t0, t2), drain: elapsed(t1, t2), ok: sum === triangle(n) });
    });
  });
}

// 3. f is an async function returning a value without awaiting.
async function eagerValue(i) {
  return i;
}
async function awaitAsyncFnBody(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await eagerValue(i);
  return sum;
}
const coAwaitFn = (n) => runAsync(() => awaitAsyncFnBody(n), triangle(n));

// 4. Promise.all / Promise.allSettled.
function combinator(n, combine, pending, check) {
  return new Promise((done) => {
    let t1 = null;
    const t0 = now();
    const inputs = [];
    const resolvers = [];
    if (pending) {
      for (let i = 0; i < n; i++) inputs.push(new Promise((r) => { resolvers.push(r); }));
    } else {
      for (let i = 0; i < n; i++) inputs.push(Promise.resolve(i));
    }
    combine(inputs).then((values) => {
      const t2 = now();
      done({ whole: elapsed(t0, t2), drain: elapsed(t1, t2), ok: check(values) });
    });
    for (let i = 0; i < resolvers.length; i++) resolvers[i](i);
    t1 = now();
  });
}
const whenAll = (n) =>
  combinator(n, (inputs) => Promise.all(inputs), false, (v) => v.length === n && v[n - 1] === n - 1);
const whenAllPending = (n) =>
  combinator(n, (inputs) => Promise.all(inputs), true, (v) => v.length === n && v[n - 1] === n - 1);
const whenAllSettled = (n) =>
  combinator(n, (inputs) => Promise.allSettled(inputs), false,
    (v) => v.length === n && v[n - 1].status === 'fulfilled' && v[n - 1].value === n - 1);

// 5. N timers at the same 1 ms delay. Node runs on real time: the idle wait
// until they are due is excluded. whole = scheduling + (first .. last
// callback); drain = first .. last callback.
function timersSame(n) {
  return new Promise((done) => {
    let fired = 0;
    let first = null;
    let t1 = null;
    const t0 = now();
    const callback = () => {
      if (fired === 0) first = now();
      if (++fired === n) {
        const last = now();
        done({ whole: add(elapsed(t0, t1), elapsed(first, last)), drain: elapsed(first, last), ok: true });
      }
    };
    for (let i = 0; i < n; i++) setTimeout(callback, 1);
    t1 = now();
  });
}

// 5b. Delays 0..99 ms (0 clamps to 1). Node runs on real time, so the ~99 ms
// the loop spends idle waiting for due timers is subtracted: drain = the
// event loop's ACTIVE time (performance.eventLoopUtilization) from the end of
// scheduling to the last callback; whole = scheduling + drain.
const { performance } = require('perf_hooks');
function timersVaried(n) {
  return new Promise((done) => {
    let fired = 0;
    let t1 = null;
    let elu1 = null;
    const t0 = now();
    const callback = () => {
      if (++fired === n) {
        const last = now();
        // wall: the loop's active time; cpu: idle waiting takes none anyway.
        const drain = { wall: performance.eventLoopUtilization(elu1).active * 1e6, cpu: last.cpu - t1.cpu };
        done({ whole: add(elapsed(t0, t1), drain), drain, ok: true });
      }
    };
    for (let i = 0; i < n; i++) setTimeout(callback, i % 100);
    t1 = now();
    elu1 = performance.eventLoopUtilization();
  });
}

// 6. N queued microtasks incrementing a counter.
function microtasks(n) {
  return new Promise((done) => {
    let counter = 0;
    const t0 = now();
    for (let i = 0; i < n; i++) queueMicrotask(() => { counter++; });
    const t1 = now();
    queueMicrotask(() => {
      const t2 = now();
      done({ whole: elapsed(t0, t2), drain: elapsed(t1, t2), ok: counter === n });
    });
  });
}

const workloads = [
  { name: 'then_chain', run: thenChain, fixed: 0 },
  { name: 'await_resolved', run: awaitResolved, fixed: 0 },
  { name: 'await_prebuilt', run: awaitPrebuilt, fixed: 1e6 },
  { name: 'co_await_fn', run: coAwaitFn, fixed: 1e6 },
  { name: 'microtasks', run: microtasks, fixed: 0 },
  { name: 'when_all', run: whenAll, fixed: 0 },
  { name: 'when_all_pending', run: whenAllPending, fixed: 1e5 },
  { name: 'when_all_settled', run: whenAllSettled, fixed: 1e5 },
  { name: 'timers_same', run: timersSame, fixed: 1e5 },
  { name: 'timers_varied', run: timersVaried, fixed: 1e5 },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function parseArgs(argv) {
  const options = { reps: 7, warmup: 1, sizes: [1e3, 1e4, 1e5, 1e6], filter: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reps') options.reps = Math.max(1, Number(argv[++i]));
    else if (arg === '--warmup') options.warmup = Math.max(0, Number(argv[++i]));
    else if (arg === '--sizes') options.sizes = argv[++i].split(',').map(Number);
    else if (arg === '--filter') options.filter = argv[++i];
    else if (arg === '--smoke') Object.assign(options, { reps: 1, warmup: 0, sizes: [100, 1000] });
    else {
      console.error('usage: node --expose-gc node_bench.js [--reps R] [--warmup W] [--sizes N1,N2] [--filter S] [--smoke]');
      process.exit(2);
    }
  }
  if (options.sizes.some((n) => !(Number.isInteger(n) && n > 0))) {
    console.error('node_bench: bad --sizes');
    process.exit(2);
  }
  return options;
}

async function main() {
  if (typeof gc !== 'function') {
    console.error('node_bench: run with node --expose-gc');
    process.exit(2);
  }
  const options = parseArgs(process.argv.slice(2));
  const largest = Math.max(...options.sizes);
  console.log(`# node_bench node=${process.version} v8=${process.versions.v8} reps=${options.reps} ` +
              `warmup=${options.warmup} stat=min,median (ns per element)`);
  let failures = 0;
  // --filter: a workload's exact name selects only it, else any name containing the text.
  const exact = workloads.some((w) => w.name === options.filter);
  for (const workload of workloads) {
    if (options.filter && (exact ? workload.name !== options.filter : !workload.name.includes(options.filter))) continue;
    const sizes = workload.fixed ? [Math.min(workload.fixed, largest)] : options.sizes;
    for (const n of sizes) {
      const series = { whole: [], drain: [], whole_cpu: [], drain_cpu: [] };
      // Warm up on at least 100 k elements (small N: many untimed runs), so
      // that the JIT has settled; the same rule as awl_bench.
      const warmups = options.warmup === 0 ? 0 : Math.max(options.warmup, Math.ceil(1e5 / n));
      for (let rep = 0; rep < warmups + options.reps; rep++) {
        gc();
        const sample = await workload.run(n);
        if (!sample.ok) {
          failures++;
          console.error(`node_bench: ${workload.name} N=${n} computed a wrong result`);
        }
        if (rep < warmups) continue;
        series.whole.push(sample.whole.wall / n);
        series.drain.push(sample.drain.wall / n);
        series.whole_cpu.push(sample.whole.cpu / n);
        series.drain_cpu.push(sample.drain.cpu / n);
      }
      for (const [phase, values] of Object.entries(series))
        console.log(`node ${workload.name} ${n} ${phase} ${Math.min(...values).toFixed(3)} ${median(values).toFixed(3)}`);
    }
  }
  process.exitCode = failures ? 1 : 0;
}

main();
