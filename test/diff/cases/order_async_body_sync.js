// An async function's body runs synchronously up to its first await.
const log = console.log;
async function f(name) {
  log(name, 'sync part');
  if (name === 'no-await') return 'done';
  await undefined;
  log(name, 'after await');
  return 'done';
}
log('before');
const a = f('no-await');
const b = f('with-await');
log('after calls');
a.then((v) => log('no-await', v));
b.then((v) => log('with-await', v));
