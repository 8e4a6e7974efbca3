// The well-known "return Promise.resolve(4)" puzzle: 0 1 2 3 4 5 6.
const log = console.log;
Promise.resolve()
  .then(() => { log(0); return Promise.resolve(4); })
  .then((v) => log(v));
Promise.resolve()
  .then(() => log(1))
  .then(() => log(2))
  .then(() => log(3))
  .then(() => log(5))
  .then(() => log(6));
