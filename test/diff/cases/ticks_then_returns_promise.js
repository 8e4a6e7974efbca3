// A then callback returning a promise delays the derived promise by 2 ticks.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(6);
Promise.resolve().then(() => 'v').then((v) => log('after value', v));
Promise.resolve().then(() => Promise.resolve('p')).then((v) => log('after promise', v));
