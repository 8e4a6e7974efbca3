// An async function's `return Promise.reject(e)` rejects 2 ticks later than `throw e`.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function throws() { throw new Error('thrown'); }
async function returnsRejected() { return Promise.reject(new Error('returned')); }
ticker(5);
returnsRejected().catch((e) => log('caught', e.message));
throws().catch((e) => log('caught', e.message));
