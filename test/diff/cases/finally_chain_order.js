// Several finally links in one chain, around a catch.
const log = console.log;
Promise.resolve(1)
  .finally(() => log('finally 1'))
  .then((v) => { log('then', v); throw new Error('broke'); })
  .finally(() => log('finally 2'))
  .catch((e) => { log('catch', e.message); return 3; })
  .finally(() => log('finally 3'))
  .then((v) => log('end', v));
