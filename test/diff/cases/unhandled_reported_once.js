// A rejection never handled is reported once, not once per macrotask; a
// handler attached after two more macrotasks still gives rejectionHandled.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
process.on('rejectionHandled', () => log('rejectionHandled'));
const p = Promise.reject(new Error('once'));
setTimeout(() => log('timer 1'), 5);
setTimeout(() => log('timer 2'), 30);
setTimeout(() => { log('timer 3 handles'); p.catch(() => log('handled at last')); }, 60);
