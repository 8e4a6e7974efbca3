// A larger puzzle mixing async functions, executors, thens and timers.
const log = console.log;
async function a1() {
  log('a1 start');
  await a2();
  log('a1 end');
}
async function a2() {
  log('a2 start');
  await null;
  log('a2 end');
}
log('start');
setTimeout(() => log('timeout 0'), 0);
setTimeout(() => {
  log('timeout 10');
  Promise.resolve().then(() => log('micro in timeout 10'));
}, 10);
a1();
new Promise((resolve) => {
  log('executor');
  resolve();
  log('executor end');
}).then(() => log('then 1')).then(() => log('then 2')).then(() => log('then 3'));
queueMicrotask(() => log('queued'));
log('end');
