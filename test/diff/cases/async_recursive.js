// A recursive async function: unwinds one tick per level.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function countdown(n) {
  log('enter', n);
  if (n === 0) return 0;
  const r = await countdown(n - 1);
  log('leave', n);
  return r + n;
}
ticker(6);
countdown(4).then((v) => log('sum', v));
