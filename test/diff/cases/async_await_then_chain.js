// Awaiting a then chain vs awaiting an async function, against a ticker.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function viaChain() {
  const v = await Promise.resolve(1).then((x) => x + 1).then((x) => x + 1);
  log('chain gave', v);
}
async function helper() { return 3; }
async function viaAsync() {
  const v = await helper();
  log('async gave', v);
}
ticker(5);
viaChain();
viaAsync();
