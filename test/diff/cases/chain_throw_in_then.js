// A throwing then callback rejects the derived promise with what it threw.
const log = console.log;
Promise.resolve(1)
  .then((v) => { log('step', v); throw new Error('thrown at ' + v); })
  .then(() => log('skipped'))
  .catch((e) => { log('caught', e.message); return 2; })
  .then((v) => { log('recovered with', v); throw new Error('again'); })
  .catch((e) => log('caught', e.message));
