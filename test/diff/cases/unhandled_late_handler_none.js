// node-args: --unhandled-rejections=none
// none mode: the hooks still fire (unhandledRejection, later rejectionHandled)
// and the process ends normally.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
process.on('rejectionHandled', () => log('rejectionHandled'));
const p = Promise.reject(new Error('quiet'));
setTimeout(() => p.catch((e) => log('caught', e.message)), 10);
