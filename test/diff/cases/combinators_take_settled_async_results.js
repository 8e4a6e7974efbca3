// Results known at once (an async function that never awaits, Promise.resolve)
// next to the same value through a then, in every combinator and in await.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function now(v) { return v; }
async function later(v) { await null; return v; }
ticker(6);
const through_then = Promise.resolve(3).then((v) => v);
Promise.all([now(1), Promise.resolve(2), through_then, later(4)]).then((v) => log('all', v.join(',')));
Promise.allSettled([now(1), later(2)]).then((v) => log('allSettled', v.length));
Promise.any([later(5), now(6)]).then((v) => log('any', v));
Promise.race([through_then, now(7)]).then((v) => log('race', v));
(async () => {
  const a = await now(8);
  log('await now', a);
  const b = await later(9);
  log('await later', b);
  const c = now(10);
  log('copied', await c, await c);
})();
