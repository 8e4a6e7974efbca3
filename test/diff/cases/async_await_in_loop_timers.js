// A for loop with an await of a timer per iteration, next to an interval.
const log = console.log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function poll() {
  for (let i = 1; i <= 3; i++) {
    await sleep(100);
    log('poll', i);
  }
  return 'polled';
}
poll().then((v) => log(v));
setTimeout(() => log('one-off at 150'), 150);
