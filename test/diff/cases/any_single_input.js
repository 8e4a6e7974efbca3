// Promise.any and Promise.race with a single input, fulfilled and rejected.
const log = console.log;
Promise.any([Promise.resolve('only')]).then((v) => log('any fulfilled', v));
Promise.any([Promise.reject(new Error('only failure'))]).catch((e) => log('any rejected', e.errors.length, e.errors[0].message));
Promise.race([Promise.reject(new Error('race failure'))]).catch((e) => log('race rejected', e.message));
