// Delays below 1 ms (0, negative) are clamped to 1 ms: all four share one
// due time and fire in insertion order.
const log = console.log;
setTimeout(() => log('one'), 1);
setTimeout(() => log('zero'), 0);
setTimeout(() => log('negative'), -5);
setTimeout(() => log('default'));
setTimeout(() => log('forty'), 40);
