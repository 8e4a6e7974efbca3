// await of an already-resolved native promise resumes after exactly 1 tick.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function f() {
  log('f start');
  const v = await Promise.resolve(7);
  log('f resumed', v);
  await Promise.resolve(8);
  log('f resumed again');
}
ticker(4);
f();
log('sync end');
