// await of a pending promise resumes 1 tick after it settles.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
let resolveIt;
const pending = new Promise((resolve) => { resolveIt = resolve; });
async function waiter() {
  log('waiting');
  const v = await pending;
  log('resumed with', v);
}
ticker(6);
waiter();
// settles in tick 2
Promise.resolve().then(() => {}).then(() => { log('resolving'); resolveIt(42); });
