// Every input of Promise.all is handled: a second rejection is never unhandled
// (the program exits 0 although nobody else observes it).
const log = console.log;
const fail = (ms, msg) => new Promise((_, reject) => setTimeout(() => { log('rejecting', msg); reject(new Error(msg)); }, ms));
Promise.all([fail(10, 'first'), fail(40, 'second'), Promise.reject(new Error('third'))])
  .catch((e) => log('caught', e.message));
setTimeout(() => log('end'), 80);
