// A handler attached from inside the unhandledRejection listener: the catch
// runs and rejectionHandled follows in the same macrotask.
const log = console.log;
process.on('unhandledRejection', (r, p) => {
  log('unhandledRejection', r.message);
  p.catch((e) => log('caught in listener-attached handler', e.message));
});
process.on('rejectionHandled', () => log('rejectionHandled'));
Promise.reject(new Error('rescued'));
setTimeout(() => log('timer'), 5);
