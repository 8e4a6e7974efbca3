// Synchronous code first, then every microtask, then timers.
const log = console.log;
log('sync 1');
setTimeout(() => log('timeout'), 0);
Promise.resolve().then(() => log('micro 1'));
queueMicrotask(() => log('micro 2'));
log('sync 2');
