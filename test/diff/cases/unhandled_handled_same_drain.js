// Rejected, then handled a few microtasks later in the same drain: not
// reported (hooks print nothing) and the exit status is 0.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
process.on('rejectionHandled', () => log('rejectionHandled'));
const p = Promise.reject(new Error('handled in time'));
Promise.resolve().then(() => {}).then(() => {}).then(() => {
  log('attaching handler in tick 3');
  p.catch((e) => log('caught', e.message));
});
setTimeout(() => log('timer'), 5);
