// node-args: --unhandled-rejections=warn
// warn mode with hooks: a handler attached one macrotask late gives
// unhandledRejection first, then rejectionHandled after that macrotask's
// microtasks drained.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
process.on('rejectionHandled', () => log('rejectionHandled'));
const p = Promise.reject(new Error('late'));
log('rejected');
setTimeout(() => {
  log('attaching handler');
  p.catch((e) => log('caught', e.message));
  Promise.resolve().then(() => log('other microtask'));
}, 10);
setTimeout(() => log('next timer'), 40);
