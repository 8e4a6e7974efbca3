// then(onFulfilled, onRejected): onRejected does not see errors thrown by
// onFulfilled of the same then; a later catch does.
const log = console.log;
Promise.resolve('v')
  .then((v) => { log('onFulfilled', v); throw new Error('from onFulfilled'); },
        (e) => log('onRejected (not called)', e.message))
  .catch((e) => log('later catch', e.message));
Promise.reject(new Error('r'))
  .then(() => log('not called'), (e) => { log('onRejected', e.message); return 'recovered'; })
  .then((v) => log('then', v));
