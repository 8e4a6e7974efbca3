// Resolving a promise with itself rejects it (a TypeError in JS, a chaining
// cycle error in awl: only the fact of the rejection is compared).
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
let resolveSelf;
const p = new Promise((resolve) => { resolveSelf = resolve; });
ticker(2);
resolveSelf(p);
p.then(() => log('not called'), () => log('rejected'));
