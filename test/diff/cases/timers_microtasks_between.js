// Microtasks queued by a timer run before the next timer, even one due at
// the same time.
const log = console.log;
for (const name of ['A', 'B', 'C']) {
  setTimeout(() => {
    log('timer', name);
    Promise.resolve().then(() => log('  then of', name)).then(() => log('  then-then of', name));
    queueMicrotask(() => log('  queued by', name));
  }, 10);
}
