// A then callback returning its own derived promise: a chaining cycle, rejected.
const log = console.log;
const derived = Promise.resolve().then(() => derived);
derived.then(() => log('not called'), () => log('cycle rejected'));
