// The same promise passed twice to each combinator.
const log = console.log;
const p = new Promise((resolve) => setTimeout(() => resolve('v'), 5));
const bad = Promise.reject(new Error('bad'));
Promise.all([p, p]).then((v) => log('all', v.join(',')));
Promise.allSettled([bad, bad]).then((r) => log('allSettled', r.map((x) => x.status).join(',')));
Promise.any([bad, bad]).catch((e) => log('any', e.errors.map((x) => x.message).join(',')));
Promise.race([p, p]).then((v) => log('race', v));
