// finally gets no argument and passes the value through, even if it returns one.
const log = console.log;
Promise.resolve('kept')
  .finally((...args) => { log('finally args', args.length); return 'ignored'; })
  .then((v) => log('value', v));
