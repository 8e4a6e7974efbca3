// Values flow through a then chain; each callback transforms them.
const log = console.log;
Promise.resolve(1)
  .then((v) => { log('got', v); return v * 10; })
  .then((v) => { log('got', v); return 'n=' + v; })
  .then((v) => { log('got', v); return v.length; })
  .then((v) => { log('got', v); })
  .then((v) => log('last has no value', v === undefined));
