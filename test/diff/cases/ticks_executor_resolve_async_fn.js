// resolve(asyncFn()) in an executor and `return asyncFn()` from an async
// function: both adopt a native promise (2 extra ticks).
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function inner() { return 'inner value'; }
async function outerReturn() { return inner(); }
async function outerAwait() { return await inner(); }
ticker(6);
new Promise((resolve) => resolve(inner())).then((v) => log('executor', v));
outerReturn().then((v) => log('return inner()', v));
outerAwait().then((v) => log('return await inner()', v));
