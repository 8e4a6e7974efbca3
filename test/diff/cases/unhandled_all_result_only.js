// Promise.all with two rejected inputs and no handler on its result: only
// the result is reported (the inputs are handled by all).
const log = console.log;
process.on('unhandledRejection', (r, p) => log('unhandledRejection', r.message, p === all ? 'all' : 'input'));
const a = Promise.reject(new Error('a'));
const b = Promise.reject(new Error('b'));
const all = Promise.all([a, b]);
