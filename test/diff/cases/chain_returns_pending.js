// A then callback returning a pending promise: the chain waits for it.
const log = console.log;
const later = (ms, v) => new Promise((resolve) => setTimeout(() => { log('timer', v); resolve(v); }, ms));
Promise.resolve(1)
  .then((v) => { log('start', v); return later(10, v + 1); })
  .then((v) => { log('then', v); return later(100, v + 1); })
  .then((v) => log('end', v));
setTimeout(() => log('independent timer 60'), 60);
