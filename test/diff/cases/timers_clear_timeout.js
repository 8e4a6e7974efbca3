// clearTimeout before it fires, from another timer, twice, and after firing.
const log = console.log;
const never = setTimeout(() => log('never 1'), 10);
clearTimeout(never);
const victim = setTimeout(() => log('never 2'), 80);
const fired = setTimeout(() => log('fired'), 5);
setTimeout(() => {
  log('clearing victim and an already fired timer');
  clearTimeout(victim);
  clearTimeout(victim);
  clearTimeout(fired);
}, 30);
setTimeout(() => log('end'), 120);
