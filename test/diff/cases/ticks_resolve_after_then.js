// Reactions registered while pending run 1 tick after the resolve call, in
// the order registered, interleaved with a ticker.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
let resolveIt;
const p = new Promise((resolve) => { resolveIt = resolve; });
p.then(() => log('reaction A'));
p.then(() => log('reaction B'));
ticker(4);
Promise.resolve().then(() => { log('resolve in tick 1'); resolveIt(); p.then(() => log('reaction C, added after')); });
