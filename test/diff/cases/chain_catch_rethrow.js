// A catch that rethrows passes a new reason down the chain.
const log = console.log;
Promise.reject(new Error('original'))
  .catch((e) => { log('first catch', e.message); throw new Error('wrapped: ' + e.message); })
  .catch((e) => { log('second catch', e.message); return 'fine'; })
  .then((v) => log('then', v));
