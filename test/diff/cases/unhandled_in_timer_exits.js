// An unhandled rejection made inside a timer callback ends the process after
// that callback's microtasks; later timers never run.
const log = console.log;
setTimeout(() => log('timer 1'), 5);
setTimeout(() => {
  log('timer 2 rejects');
  Promise.reject(new Error('in timer'));
  queueMicrotask(() => log('microtask of timer 2'));
}, 20);
setTimeout(() => log('timer 3 never runs'), 60);
