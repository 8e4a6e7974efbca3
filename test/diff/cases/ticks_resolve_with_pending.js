// resolve(p) with a pending p: the outer promise settles 1 tick after p
// (p's reaction), plus the then-job reading it.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
let resolveInner;
const inner = new Promise((resolve) => { resolveInner = resolve; });
const outer = new Promise((resolve) => resolve(inner));
outer.then((v) => log('outer', v));
inner.then((v) => log('inner', v));
ticker(7);
Promise.resolve().then(() => {}).then(() => {}).then(() => { log('resolving inner'); resolveInner('x'); });
