// try/finally in an async function around awaits, vs promise finally.
const log = console.log;
async function work(fail) {
  try {
    log('work start', fail);
    await null;
    if (fail) throw new Error('work failed');
    return 'ok';
  } finally {
    log('finally block', fail);
    await null;
    log('finally block after await', fail);
  }
}
work(false).then((v) => log('result', v));
work(true).catch((e) => log('error', e.message));
