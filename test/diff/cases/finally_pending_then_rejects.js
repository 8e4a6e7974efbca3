// finally returning a promise that rejects later replaces the value with
// that rejection once it settles.
const log = console.log;
Promise.resolve('value')
  .finally(() => new Promise((_, reject) => setTimeout(() => { log('cleanup fails'); reject(new Error('cleanup failed')); }, 10)))
  .then((v) => log('not called', v), (e) => log('rejected', e.message));
