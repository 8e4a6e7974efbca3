// A finally returning a promise that settles on a timer delays the outcome.
const log = console.log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
Promise.reject(new Error('original'))
  .finally(() => { log('cleanup start'); return sleep(20).then(() => log('cleanup done')); })
  .catch((e) => log('caught', e.message));
setTimeout(() => log('timer 5'), 5);
