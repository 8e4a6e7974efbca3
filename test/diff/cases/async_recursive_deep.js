// A 2000-deep synchronous async recursion that unwinds one tick per level.
const log = console.log;
async function depth(n) {
  if (n === 0) return 0;
  const below = await depth(n - 1);
  if (n % 500 === 0) log('level', n, 'got', below);
  return below + 1;
}
depth(2000).then((v) => log('result', v));
let q = Promise.resolve();
for (let i = 1; i <= 2001; i++) q = q.then(() => { if (i % 1000 === 0 || i > 1999) log('tick', i); });
