// finally passes a rejection through unchanged.
const log = console.log;
Promise.reject(new Error('kept reason'))
  .finally(() => log('finally ran'))
  .then(() => log('not called'))
  .catch((e) => log('caught', e.message));
