// Several unhandled rejections in one macrotask are reported in the order
// they were rejected, each once, after the microtasks drained.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
let rejectLater;
new Promise((_, reject) => { rejectLater = reject; });
Promise.reject(new Error('first'));
Promise.resolve().then(() => { log('microtask'); rejectLater(new Error('third')); });
Promise.reject(new Error('second'));
setTimeout(() => log('timer'), 5);
