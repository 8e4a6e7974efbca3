// When each combinator's result is observable, on already-resolved inputs.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
const a = Promise.resolve(1);
const b = Promise.resolve(2);
const bad = Promise.reject(new Error('bad'));
ticker(4);
Promise.all([a, b]).then((v) => log('all', v.join(',')));
Promise.allSettled([a, bad]).then((r) => log('allSettled', r.map((x) => x.status).join(',')));
Promise.any([bad, b]).then((v) => log('any', v));
Promise.race([a, b]).then((v) => log('race', v));
Promise.all([a, bad]).catch((e) => log('all rejected', e.message));
