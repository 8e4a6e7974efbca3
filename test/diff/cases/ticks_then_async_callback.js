// A then callback that is an async function returns a promise: the derived
// promise adopts it (2 extra ticks, plus the callback's own await).
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function asyncCallback(v) { log('async callback got', v); await null; log('async callback resumed'); return v * 2; }
ticker(7);
Promise.resolve(21).then(asyncCallback).then((v) => log('derived', v));
