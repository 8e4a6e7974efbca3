// An await of a settled promise inside a coroutine the loop resumed still
// lets every microtask queued before it run first: a callback the coroutine
// queued, a reaction of a promise it settled, and a second coroutine taking
// turns with it.
const log = console.log;
async function worker(name, steps) {
  log(name, 'start');
  for (let i = 1; i <= steps; i++) {
    await Promise.resolve(i);
    log(name, 'resumed', i);
    if (i === 2) queueMicrotask(() => log(name, 'microtask queued at', i));
    if (i === 3) Promise.resolve(i).then((v) => log(name, 'reaction queued at', v));
  }
  return steps;
}
worker('alone', 5).then((v) => {
  log('alone', 'done', v);
  worker('left', 3);
  worker('right', 3);
  log('both', 'started');
});
log('main', 'end');
