// Microtasks queued by microtasks run before the next timer.
const log = console.log;
setTimeout(() => log('timeout 1'), 0);
function nest(depth) {
  log('depth', depth);
  if (depth < 5) queueMicrotask(() => nest(depth + 1));
}
queueMicrotask(() => nest(1));
Promise.resolve().then(() => {
  log('then a');
  Promise.resolve().then(() => {
    log('then b');
    queueMicrotask(() => log('then c'));
  });
});
setTimeout(() => {
  log('timeout 2');
  queueMicrotask(() => log('micro in timeout 2'));
}, 0);
setTimeout(() => log('timeout 3'), 0);
