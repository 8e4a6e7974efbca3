// Promise.race settles like the first input to settle (a fulfilment here).
const log = console.log;
const ok = (ms, v) => new Promise((resolve) => setTimeout(() => { log('fulfil', v); resolve(v); }, ms));
const ko = (ms, msg) => new Promise((_, reject) => setTimeout(() => { log('reject', msg); reject(new Error(msg)); }, ms));
Promise.race([ok(100, 'slow'), ok(50, 'fast'), ko(150, 'late failure')])
  .then((v) => log('race', v), (e) => log('race rejected', e.message));
