// resolve(p) with a native promise p costs 2 extra ticks over resolve(v).
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(5);
new Promise((resolve) => resolve(1)).then((v) => log('resolve(v) then', v));
new Promise((resolve) => resolve(Promise.resolve(2))).then((v) => log('resolve(p) then', v));
