// Microtasks queued by an unhandledRejection listener run before the next
// timer; a rejection they leave unhandled is reported in the same round.
const log = console.log;
process.on('unhandledRejection', (r) => {
  log('unhandledRejection', r.message);
  if (r.message === 'first') {
    Promise.resolve().then(() => log('microtask from listener'));
    Promise.reject(new Error('second, from listener'));
  }
});
Promise.reject(new Error('first'));
setTimeout(() => log('timer'), 5);
