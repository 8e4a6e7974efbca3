// p.then(f) handles p but the derived promise inherits the rejection and is
// itself unhandled: exactly one report, for the derived promise.
const log = console.log;
const p = Promise.reject(new Error('source'));
const derived = p.then(() => log('not called'));
process.on('unhandledRejection', (r, promise) => {
  log('unhandledRejection', r.message, promise === p ? 'source' : promise === derived ? 'derived' : 'other');
});
