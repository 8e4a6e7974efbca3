// Rejected inputs of allSettled are handled: no unhandled rejection, exit 0.
const log = console.log;
const a = Promise.reject(new Error('a'));
const b = new Promise((_, reject) => setTimeout(() => reject(new Error('b')), 10));
Promise.allSettled([a, b]).then((r) => log('settled', r.length, r[0].status, r[1].status));
setTimeout(() => log('still alive'), 30);
