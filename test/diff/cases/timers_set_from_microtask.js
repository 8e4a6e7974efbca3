// A timer set from a microtask, with the same delay as one set later in the
// script's synchronous code, still comes after it (set later in time).
const log = console.log;
Promise.resolve().then(() => setTimeout(() => log('set in microtask'), 10));
setTimeout(() => log('set in script'), 10);
setTimeout(() => {
  log('outer timer');
  setTimeout(() => log('nested 0'), 0);
  Promise.resolve().then(() => log('outer microtask'));
}, 40);
setTimeout(() => log('late timer'), 100);
