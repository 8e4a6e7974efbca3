// An exception escaping a queueMicrotask callback ends the process at once
// (status 1): the rest of the microtask queue is not run.
const log = console.log;
queueMicrotask(() => log('m1'));
queueMicrotask(() => { log('m2 throws'); throw new Error('boom'); });
queueMicrotask(() => log('never: m3'));
Promise.resolve().then(() => log('never: then'));
setTimeout(() => log('never: timer'), 1);
