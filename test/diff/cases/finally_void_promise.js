// finally on a promise without a value, fulfilled and rejected, vs a ticker.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(5);
Promise.resolve().finally(() => log('finally on fulfilled')).then(() => log('then after finally'));
Promise.reject(new Error('e')).finally(() => log('finally on rejected')).catch((e) => log('catch after finally', e.message));
