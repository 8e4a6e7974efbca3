// catch returning a promise (resolved, then rejected): 2 extra ticks each.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(7);
Promise.reject(new Error('a')).catch(() => Promise.resolve('recovered')).then((v) => log('then', v));
Promise.reject(new Error('b')).catch(() => Promise.reject(new Error('still bad'))).catch((e) => log('catch', e.message));
