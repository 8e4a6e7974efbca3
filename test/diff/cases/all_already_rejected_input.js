// An already-rejected input: Promise.all rejects in tick 1, its catch runs in tick 2.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(3);
Promise.all([Promise.resolve(1), Promise.reject(new Error('x')), Promise.resolve(3)])
  .catch((e) => log('caught', e.message));
