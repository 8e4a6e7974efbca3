// A fulfilment skips catch links, one tick each, keeping its value.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(5);
Promise.resolve(5)
  .catch(() => { log('not called'); return -1; })
  .catch(() => { log('not called'); return -2; })
  .then((v) => log('value', v));
