// An exception escaping a timer callback ends the process (status 1); the
// microtask it queued and the later timers never run.
const log = console.log;
setTimeout(() => log('t1'), 5);
setTimeout(() => {
  log('t2 throws');
  Promise.resolve().then(() => log('never: microtask of t2'));
  throw new Error('boom');
}, 20);
setTimeout(() => log('never: t3'), 60);
