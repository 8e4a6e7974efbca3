// A then callback returning a rejected promise vs throwing: 2 ticks apart.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(6);
Promise.resolve()
  .then(() => Promise.reject(new Error('returned')))
  .catch((e) => log('caught', e.message));
Promise.resolve()
  .then(() => { throw new Error('thrown'); })
  .catch((e) => log('caught', e.message));
