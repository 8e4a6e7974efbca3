// await of a promise rejected later: the catch runs 1 tick after the rejection.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
let fail;
const pending = new Promise((_, reject) => { fail = reject; });
async function waiter() {
  try { await pending; } catch (e) { log('caught', e.message); }
}
ticker(5);
waiter();
Promise.resolve().then(() => {}).then(() => { log('rejecting'); fail(new Error('late failure')); });
