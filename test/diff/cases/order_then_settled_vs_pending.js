// then on a settled promise queues at once; on a pending one when it settles,
// in registration order.
const log = console.log;
let resolveLater;
const pending = new Promise((resolve) => { resolveLater = resolve; });
const settled = Promise.resolve('s');
pending.then((v) => log('pending a', v));
settled.then((v) => log('settled a', v));
pending.then((v) => log('pending b', v));
Promise.resolve().then(() => {
  log('resolving');
  resolveLater('p');
  settled.then((v) => log('settled b', v));
  pending.then((v) => log('pending c', v));
});
