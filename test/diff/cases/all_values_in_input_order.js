// Promise.all keeps input order although inputs settle in another order.
const log = console.log;
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => { log('settled', v); resolve(v); }, ms));
Promise.all([delay(150, 'slow'), delay(50, 'fast'), delay(100, 'mid')]).then((values) => {
  log('all', values.join(','));
});
