// In one macrotask an old rejection gets handled and a new one stays
// unhandled: rejectionHandled is reported before unhandledRejection.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
process.on('rejectionHandled', () => log('rejectionHandled'));
const old = Promise.reject(new Error('old'));
setTimeout(() => {
  Promise.reject(new Error('new'));
  old.catch((e) => log('caught', e.message));
}, 10);
