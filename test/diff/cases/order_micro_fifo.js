// Promise reactions and queueMicrotask share one FIFO queue.
const log = console.log;
const p = Promise.resolve();
queueMicrotask(() => log('qm 1'));
p.then(() => log('then 1'));
queueMicrotask(() => log('qm 2'));
p.then(() => log('then 2'));
Promise.resolve().then(() => log('then 3'));
queueMicrotask(() => log('qm 3'));
