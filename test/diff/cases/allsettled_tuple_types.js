// allSettled over inputs of different types.
const log = console.log;
async function num() { return 7; }
async function text() { await null; throw new Error('no text'); }
Promise.allSettled([num(), text()]).then(([n, t]) => {
  log(n.status, n.value);
  log(t.status, t.reason.message);
});
