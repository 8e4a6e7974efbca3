// Promise.any([]) nobody handles: an unhandled rejection, exit status 1.
const log = console.log;
log('before');
Promise.any([]);
setTimeout(() => log('never printed'), 5);
