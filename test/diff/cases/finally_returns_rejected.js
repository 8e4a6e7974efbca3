// A finally returning a rejected promise replaces the outcome, with its ticks.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(6);
Promise.resolve('value')
  .finally(() => Promise.reject(new Error('from finally')))
  .catch((e) => log('caught', e.message));
Promise.resolve('value')
  .finally(() => { throw new Error('thrown in finally'); })
  .catch((e) => log('caught', e.message));
