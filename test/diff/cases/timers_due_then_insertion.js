// Timers fire by due time; equal delays set together fire in insertion order.
const log = console.log;
setTimeout(() => log('a 100'), 100);
setTimeout(() => log('b 20'), 20);
setTimeout(() => log('c 100'), 100);
setTimeout(() => log('d 20'), 20);
setTimeout(() => log('e 150'), 150);
setTimeout(() => log('f 20'), 20);
