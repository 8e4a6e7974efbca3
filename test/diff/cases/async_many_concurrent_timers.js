// Concurrent async functions on timers: order by due time, then by start order.
const log = console.log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function task(id, delays) {
  for (const ms of delays) {
    await sleep(ms);
    log('task', id, 'slept', ms);
  }
}
task('A', [20, 40]);
task('B', [180]);
task('C', [20, 200]);
task('D', [120]);
