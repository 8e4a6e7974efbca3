// allSettled reports every outcome in input order and never rejects.
const log = console.log;
const ok = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
const ko = (ms, msg) => new Promise((_, reject) => setTimeout(() => reject(new Error(msg)), ms));
Promise.allSettled([ok(20, 1), ko(10, 'boom'), ok(5, 3), Promise.reject(new Error('now'))]).then((results) => {
  for (const r of results) {
    if (r.status === 'fulfilled') log('fulfilled', r.value);
    else log('rejected', r.reason.message);
  }
});
