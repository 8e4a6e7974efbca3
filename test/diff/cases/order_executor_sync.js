// The executor runs synchronously inside the constructor; then callbacks never do.
const log = console.log;
log('before');
const p = new Promise((resolve) => {
  log('executor start');
  resolve(1);
  log('executor after resolve');
});
log('after constructor');
p.then((v) => log('then', v));
log('after then');
