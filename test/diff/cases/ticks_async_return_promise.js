// An async function's `return p` costs 2 more ticks than `return v`.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function returnsValue() { return 1; }
async function returnsPromise() { return Promise.resolve(2); }
async function returnsAwaited() { return await Promise.resolve(3); }
ticker(6);
returnsValue().then((v) => log('value', v));
returnsPromise().then((v) => log('promise', v));
returnsAwaited().then((v) => log('awaited', v));
