// Combinators over inputs settling in ticks 3, 1 and 2: when does each settle?
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
function inTick(n, v, fail) {
  let p = Promise.resolve();
  for (let i = 1; i < n; i++) p = p.then(() => {});
  return p.then(() => { if (fail) throw new Error(v); return v; });
}
const make = () => [inTick(3, 'c'), inTick(1, 'a'), inTick(2, 'b')];
ticker(6);
Promise.all(make()).then((v) => log('all', v.join(',')));
Promise.race(make()).then((v) => log('race', v));
Promise.any(make()).then((v) => log('any', v));
Promise.allSettled(make()).then((r) => log('allSettled', r.length));
Promise.all([inTick(3, 'c'), inTick(2, 'b-fails', true)]).catch((e) => log('all rejected', e.message));
