// Default (throw) mode with an unhandledRejection listener: the listener
// replaces the crash, later timers run, the exit status is 0.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
Promise.reject(new Error('observed'));
setTimeout(() => log('timer still runs'), 5);
