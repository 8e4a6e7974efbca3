// try/catch around awaits: rejections of awaited promises and of awaited
// async functions land in the catch; execution continues after it.
const log = console.log;
async function failing(msg) { await null; throw new Error(msg); }
async function main() {
  for (const msg of ['one', 'two']) {
    try {
      log('trying', msg);
      await failing(msg);
      log('not reached');
    } catch (e) {
      log('caught', e.message);
    }
  }
  try {
    await Promise.reject(new Error('direct'));
  } catch (e) {
    log('caught', e.message);
  }
  return 'main finished';
}
main().then((v) => log(v));
