// node-args: --unhandled-rejections=strict
// strict mode: exits non-zero even with an unhandledRejection listener, which
// is not called.
const log = console.log;
process.on('unhandledRejection', (r) => log('listener called', r.message));
log('start');
Promise.reject(new Error('strict'));
Promise.resolve().then(() => log('microtask'));
setTimeout(() => log('never'), 5);
