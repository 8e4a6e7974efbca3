// await marks a rejected promise handled: awaited in the same drain it is never
// reported; awaited only in a later macrotask it is reported first. Exit 0.
const log = console.log;
process.on('unhandledRejection', (r) => log('unhandledRejection', r.message));
const p = Promise.reject(new Error('awaited'));
async function consumer() {
  try { await p; } catch (e) { log('consumer caught', e.message); }
}
setTimeout(consumer, 0);  // awaited only in a later macrotask: reported first
async function early() {
  try { await Promise.reject(new Error('early')); } catch (e) { log('early caught', e.message); }
}
early();
