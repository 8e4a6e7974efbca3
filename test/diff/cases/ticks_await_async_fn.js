// Awaiting nested async functions: each level adds one tick.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function level0() { log('level0 body'); return 0; }
async function level1() { const v = await level0(); log('level1 got', v); return v + 1; }
async function level2() { const v = await level1(); log('level2 got', v); return v + 1; }
async function level3() { const v = await level2(); log('level3 got', v); return v + 1; }
ticker(6);
level3().then((v) => log('result', v));
log('sync end');
