// Promise.all rejects at the first rejection; the other inputs keep running.
const log = console.log;
const work = (ms, v, fail) => new Promise((resolve, reject) => setTimeout(() => {
  log('finished', v);
  if (fail) reject(new Error('failed ' + v)); else resolve(v);
}, ms));
Promise.all([work(150, 'a'), work(50, 'b', true), work(100, 'c', true), work(200, 'd')])
  .then(() => log('not reached'))
  .catch((e) => log('all rejected:', e.message));
