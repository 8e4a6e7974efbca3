// Promise.resolve(p) returns p itself: no extra ticks, unlike new Promise(r => r(p)).
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
const p = Promise.resolve('v');
const same = Promise.resolve(p);
log('same object', same === p);
const wrapped = new Promise((resolve) => resolve(p));
log('wrapped is same', wrapped === p);
ticker(4);
same.then((v) => log('same then', v));
wrapped.then((v) => log('wrapped then', v));
