// Checks the structure of a Chrome trace-event JSON file written by
// awl::write_chrome_trace, as Perfetto and chrome://tracing read it:
//   node check_chrome_trace.js FILE EXPECT_TRACKS EXPECT_FLOWS
// - a JSON object with displayTimeUnit and a traceEvents array;
// - every event has ph, pid, tid and a numeric ts; complete slices (X) a
//   name and a non-negative dur;
// - every track but the loop's (tid 0) is named by thread_name metadata, and
//   its await slices lie inside its coroutine slice;
// - flow starts (s) and ends (f, bp "e") pair up by id, the end not before
//   the start, each on a named track;
// - EXPECT_TRACKS coroutine tracks and EXPECT_FLOWS flows.
'use strict';
const fs = require('fs');
const [file, expectTracks, expectFlows] = process.argv.slice(2);
const problems = [];
const fail = (message) => problems.push(message);

const trace = JSON.parse(fs.readFileSync(file, 'utf8'));
if (typeof trace !== 'object' || !Array.isArray(trace.traceEvents)) fail('no traceEvents array');
if (!['ms', 'ns'].includes(trace.displayTimeUnit)) fail('displayTimeUnit must be ms or ns');
const names = new Map();
const slices = new Map();
const flows = new Map();
for (const [i, e] of (trace.traceEvents || []).entries()) {
  for (const key of ['ph', 'pid', 'tid', 'ts'])
    if (!(key in e)) fail(`event ${i} lacks ${key}`);
  if (typeof e.ts !== 'number' || !Number.isFinite(e.ts)) fail(`event ${i}: ts is not a number`);
  if (e.ph === 'M' && e.name === 'thread_name') names.set(e.tid, e.args && e.args.name);
  if (e.ph === 'X') {
    if (typeof e.name !== 'string' || e.name === '') fail(`slice ${i} has no name`);
    if (typeof e.dur !== 'number' || e.dur < 0) fail(`slice ${i} has a bad dur`);
    if (!slices.has(e.tid)) slices.set(e.tid, []);
    slices.get(e.tid).push(e);
  }
  if (e.ph === 's' || e.ph === 'f') {
    if (!flows.has(e.id)) flows.set(e.id, {});
    const flow = flows.get(e.id);
    if (flow[e.ph]) fail(`flow ${e.id} has two '${e.ph}' events`);
    flow[e.ph] = e;
    if (e.ph === 'f' && e.bp !== 'e') fail(`flow end ${e.id} must bind to its enclosing slice (bp "e")`);
  }
  if (!['M', 'X', 's', 'f'].includes(e.ph)) fail(`event ${i}: unexpected phase ${e.ph}`);
}
if (!names.has(0)) fail('the event loop track (tid 0) has no name');
let tracks = 0;
for (const [tid, list] of slices) {
  if (!names.has(tid)) fail(`track ${tid} has no thread_name`);
  if (tid === 0) continue;
  ++tracks;
  const life = list.filter((e) => e.cat === 'coroutine');
  if (life.length !== 1) { fail(`track ${tid} has ${life.length} coroutine slices`); continue; }
  const [c] = life;
  for (const a of list.filter((e) => e.cat === 'await'))
    if (a.ts < c.ts || a.ts + a.dur > c.ts + c.dur + 1e-6) fail(`track ${tid}: await '${a.name}' outside its coroutine`);
}
for (const [id, flow] of flows) {
  if (!flow.s || !flow.f) { fail(`flow ${id} is not paired`); continue; }
  if (flow.f.ts < flow.s.ts) fail(`flow ${id} ends before it starts`);
  if (!names.has(flow.s.tid) || !names.has(flow.f.tid)) fail(`flow ${id} is on an unnamed track`);
}
if (expectTracks !== undefined && tracks !== Number(expectTracks)) fail(`${tracks} coroutine tracks, expected ${expectTracks}`);
if (expectFlows !== undefined && flows.size !== Number(expectFlows)) fail(`${flows.size} flows, expected ${expectFlows}`);
if (problems.length) {
  for (const p of problems) console.error(`${file}: ${p}`);
  process.exit(1);
}
console.log(`${file}: ${trace.traceEvents.length} events, ${tracks} coroutine tracks, ${flows.size} flows: ok`);
