// setInterval runs until clearInterval after 3 runs; microtasks of each run
// drain before the next timer.
const log = console.log;
let runs = 0;
const id = setInterval(() => {
  runs++;
  log('interval run', runs);
  Promise.resolve().then(() => log('microtask of run', runs));
  if (runs === 3) {
    clearInterval(id);
    log('cleared');
  }
}, 20);
setTimeout(() => log('after the interval, runs =', runs), 200);
