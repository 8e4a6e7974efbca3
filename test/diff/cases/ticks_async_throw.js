// An async function that throws before any await returns an already-rejected
// promise; one that throws after an await rejects later.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function early() { log('early body'); throw new Error('early'); }
async function late() { await null; log('late body'); throw new Error('late'); }
ticker(4);
late().catch((e) => log('caught', e.message));
early().catch((e) => log('caught', e.message));
log('sync end');
