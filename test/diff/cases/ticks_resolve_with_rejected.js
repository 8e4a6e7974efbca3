// Resolving with a rejected promise rejects 2 ticks later (and handles it).
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(5);
new Promise((resolve) => resolve(Promise.reject(new Error('inner')))).catch((e) => log('caught', e.message));
Promise.reject(new Error('direct')).catch((e) => log('caught', e.message));
