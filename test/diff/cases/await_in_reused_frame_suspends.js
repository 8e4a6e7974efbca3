// An async function finishes inside a microtask; the reaction to its promise
// calls it again (in awl the new frame comes back at the same address) and
// goes on after the call, with nothing else queued: the new call's first
// await suspends, as any call's does.
const log = console.log;
async function step(name) {
  log(name, 'start');
  await Promise.resolve(0);
  log(name, 'resumed');
}
step('first')
  .then(() => {
    const second = step('second');
    log('callback', 'after second call');
    return second;
  })
  .then(() => {
    step('third');
    log('callback', 'after third call');
  });
log('main', 'end');
