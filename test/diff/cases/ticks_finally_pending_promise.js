// finally returning a pending promise holds the chain until it settles.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
let release;
const gate = new Promise((resolve) => { release = resolve; });
ticker(8);
Promise.resolve('kept')
  .finally(() => { log('finally cb'); return gate; })
  .then((v) => log('after finally', v));
Promise.resolve().then(() => {}).then(() => {}).then(() => { log('release'); release('gate value'); });
