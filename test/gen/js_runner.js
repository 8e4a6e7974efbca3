// Runs generated programs (test/gen) under Node and prints "=== <index>"
// followed by each program's log, in index order — the format of
// awl_gen_cases.
//   node -r ../diff/node_preload.js js_runner.js PROGRAMS.js
//        [--scale S] [--concurrency K] [--only I,J,...] [--timeout SECONDS]
//
// Programs run concurrently, up to K at a time, each started in its own
// macrotask (setImmediate) with its own log. A program only touches its own
// promises, and the microtask queue is FIFO, so the order of one program's
// jobs, and the macrotask in which each runs, are those it would have alone:
// every timer callback and immediate is followed by a full microtask drain
// and Node's unhandled-rejection processing. Delays are multiplied by S; the
// generator keeps timer firings that Node must order by real time at least
// GAP * S ms apart. A program is over once it has no live timer at the start
// of a later macrotask (setImmediate after its last timer callback), i.e.
// after the unhandled-rejection processing of its last macrotask.
'use strict';
const path = require('path');

const args = process.argv.slice(2);
const file = args.shift();
let scale = 2;
let concurrency = 100;
let only = null;
let timeoutSeconds = 600;
while (args.length) {
  const flag = args.shift();
  const value = args.shift();
  if (flag === '--scale') scale = Number(value);
  else if (flag === '--concurrency') concurrency = Number(value);
  else if (flag === '--only') only = new Set(value.split(',').map(Number));
  else if (flag === '--timeout') timeoutSeconds = Number(value);
  else throw new Error(`js_runner.js: unknown flag ${flag}`);
}

const batch = require(path.resolve(file));
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;
const realSetInterval = setInterval;
const realClearInterval = clearInterval;
const realSetImmediate = setImmediate;

// A return expression that throws (C++: a co_return whose conversion to int throws).
const failing = (message) => {
  throw new Error(message);
};
const desc = (e) => (e instanceof AggregateError ? `Agg(${e.errors.map(desc).join(',')})` : e.message);
// undefined (the value of a void promise) counts as 0 and prints as ''.
const sum = (vs) => vs.reduce((a, b) => a + (b ?? 0), 0);
const settledStr = (rs) => rs.map((r) => (r.status === 'fulfilled' ? `F${r.value ?? ''}` : `R${desc(r.reason)}`)).join(' ');

// Labelled promise -> { prog, label }, for the process-wide rejection events.
const owners = new Map();
const strays = [];
process.on('unhandledRejection', (reason, promise) => {
  const owner = owners.get(promise);
  if (owner) owner.prog.log('unhandled', owner.label, desc(reason));
  else strays.push(`unhandled rejection of an unlabelled promise: ${desc(reason)}`);
});
process.on('rejectionHandled', (promise) => {
  const owner = owners.get(promise);
  if (owner) owner.prog.log('handled', owner.label);
  else strays.push('rejectionHandled of an unlabelled promise');
});

const indices = batch.programs.map((_, i) => batch.first + i).filter((i) => !only || only.has(i));
const results = new Map();
let next = 0;
let running = 0;

function finish(prog) {
  prog.done = true;
  results.set(prog.index, prog.out);
  running--;
  startMore();
}

function check(prog) {
  realSetImmediate(() => {
    if (!prog.done && prog.live.size === 0) finish(prog);
  });
}

function makeEnv(prog) {
  const live = prog.live;
  // A throwing timer callback is an uncaught exception in Node (and ends
  // awl's run()); the generator never writes one, so record it as an error.
  const guarded = (f) => {
    try {
      f();
    } catch (e) {
      prog.log('!! exception', e && e.message);
    }
  };
  return {
    log: prog.log,
    desc,
    failing,
    sum,
    settledStr,
    queueMicrotask,
    reg(promise, label) {
      owners.set(promise, { prog, label });
      return promise;
    },
    setTimeout(f, ms) {
      const handle = realSetTimeout(() => {
        live.delete(handle);
        guarded(f);
        check(prog);
      }, ms * scale);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      if (handle !== undefined && live.delete(handle)) {
        realClearTimeout(handle);
        check(prog);
      }
    },
    setInterval(f, ms) {
      const handle = realSetInterval(() => {
        guarded(f);
        check(prog);
      }, ms * scale);
      live.add(handle);
      return handle;
    },
    clearInterval(handle) {
      if (handle !== undefined && live.delete(handle)) {
        realClearInterval(handle);
        check(prog);
      }
    },
  };
}

function start(index) {
  const prog = { index, out: [], live: new Set(), done: false };
  prog.log = (...items) => prog.out.push(items.map(String).join(' '));
  running++;
  realSetImmediate(() => {
    try {
      batch.programs[index - batch.first](makeEnv(prog));
    } catch (e) {
      prog.log('!! exception', e && e.message);
    }
    check(prog);
  });
}

function startMore() {
  while (running < concurrency && next < indices.length) start(indices[next++]);
  if (running === 0 && next === indices.length) report(0);
}

let reported = false;
function report(status) {
  if (reported) return;
  reported = true;
  const chunks = [];
  for (const index of indices) {
    chunks.push(`=== ${index}\n`);
    const out = results.get(index);
    if (out === undefined) chunks.push('!! unfinished (timeout)\n');
    else for (const line of out) chunks.push(line + '\n');
  }
  for (const stray of strays) chunks.push(`!! stray ${stray}\n`);
  process.stdout.write(chunks.join(''), () => process.exit(status));
}

realSetTimeout(() => report(3), timeoutSeconds * 1000).unref();
startMore();
