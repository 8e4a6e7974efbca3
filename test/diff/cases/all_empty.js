// Promise.all([]) is already fulfilled with [].
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(2);
Promise.all([]).then((v) => log('all of nothing, length', v.length));
Promise.allSettled([]).then((v) => log('allSettled of nothing, length', v.length));
