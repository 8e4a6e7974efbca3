// Default mode (throw): an unhandled rejection ends the process with a
// non-zero status once the microtask queue has drained; timers never run.
const log = console.log;
log('start');
Promise.reject(new Error('nobody handles this'));
Promise.resolve().then(() => log('microtask still runs')).then(() => log('and its successor'));
setTimeout(() => log('timer never runs'), 5);
log('end of script');
