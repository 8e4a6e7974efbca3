// A rejection skips then links without a rejection handler, one tick each.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(6);
Promise.reject(new Error('skip me'))
  .then(() => log('skipped 1'))
  .then(() => log('skipped 2'))
  .then(() => log('skipped 3'))
  .catch((e) => log('caught', e.message))
  .then(() => log('after catch'));
