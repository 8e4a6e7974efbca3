// A finally that throws replaces the value or the reason.
const log = console.log;
Promise.resolve('value')
  .finally(() => { throw new Error('finally threw over a value'); })
  .then((v) => log('not called', v), (e) => log('rejected', e.message));
Promise.reject(new Error('reason'))
  .finally(() => { throw new Error('finally threw over a reason'); })
  .catch((e) => log('rejected', e.message));
