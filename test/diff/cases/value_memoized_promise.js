// A memoized promise handed out to several callers, each awaiting the
// returned handle directly: every caller gets the whole value.
const log = console.log;
let cache = null;
function load() {
  if (cache === null) {
    log('loading once');
    cache = (async () => { await null; return 'payload-'.repeat(8) + 'end'; })();
  }
  return cache;
}
async function caller(i) {
  const v = await load();
  log('caller', i, v.length, v.slice(-3));
  const again = await load();
  log('caller', i, 'again', again.length);
}
for (let i = 1; i <= 3; i++) caller(i);
setTimeout(() => caller(4), 5);
