// A coroutine the loop resumed calls another async function: that one's
// await of a settled promise suspends it and returns to the caller, which
// goes on before the callee resumes, even with nothing else queued.
const log = console.log;
async function inner(name) {
  log(name, 'inner start');
  await Promise.resolve(0);
  log(name, 'inner resumed');
  await Promise.resolve(1);
  log(name, 'inner resumed again');
  return 7;
}
async function outer() {
  await Promise.resolve(0);
  log('outer', 'resumed');
  const pending = inner('first');
  log('outer', 'after call');
  const v = await pending;
  log('outer', 'got', v);
  const w = await inner('second');
  log('outer', 'got', w);
}
outer().then(() => log('outer', 'done'));
log('main', 'end');
