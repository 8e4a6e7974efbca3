// Promise.reject, and two separate handlers on the same rejected promise:
// both run, in registration order.
const log = console.log;
const p = Promise.reject(new Error('shared'));
p.catch((e) => log('handler 1', e.message));
p.then(null, (e) => log('handler 2', e.message));
p.finally(() => log('finally sees it too')).catch(() => log('and passes it on'));
