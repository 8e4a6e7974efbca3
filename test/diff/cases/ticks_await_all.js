// await Promise.all of async functions, measured against a ticker.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function one(n) { await null; log('one', n, 'done'); return n; }
async function main() {
  const values = await Promise.all([one(1), one(2), one(3)]);
  log('all done', values.join(','));
}
ticker(5);
main().then(() => log('main done'));
