// A promise resolved by a timer: its reactions run in that timer's microtask
// checkpoint, before the next timer.
const log = console.log;
let resolveIt;
const p = new Promise((resolve) => { resolveIt = resolve; });
p.then((v) => log('reaction 1', v)).then(() => log('reaction 1b'));
p.then((v) => log('reaction 2', v));
setTimeout(() => { log('timer resolves'); resolveIt('now'); log('timer ends'); }, 10);
setTimeout(() => log('next timer'), 10);
