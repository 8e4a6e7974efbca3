// await of a plain value (wrapped by Promise.resolve) costs 1 tick per await.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function f() {
  let total = 0;
  for (let i = 1; i <= 3; i++) {
    total += await i;
    log('await', i, 'total', total);
  }
  return total;
}
ticker(5);
f().then((t) => log('result', t));
