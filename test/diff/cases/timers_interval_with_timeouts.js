// An interval interleaved with timeouts set at the start.
const log = console.log;
let n = 0;
const id = setInterval(() => {
  n++;
  log('tick', n);
  if (n === 3) clearInterval(id);
}, 100);
setTimeout(() => log('timeout 150'), 150);
setTimeout(() => log('timeout 250'), 250);
