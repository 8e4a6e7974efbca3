// finally passes a rejection through; the catch after it runs later than a
// catch directly on the rejected promise.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(6);
Promise.reject(new Error('direct')).catch((e) => log('catch', e.message));
Promise.reject(new Error('through finally'))
  .finally(() => log('finally cb'))
  .catch((e) => log('catch', e.message));
