// One promise's value seen by every consumer: awaits, thens, all, race,
// finally - none may take it away from the others.
const log = console.log;
let resolveIt;
const shared = new Promise((resolve) => { resolveIt = resolve; });
async function awaiter(name) { const v = await shared; log(name, 'awaited', v); return v; }
awaiter('first');
shared.then((v) => log('then 1', v));
awaiter('second');
Promise.all([shared, shared]).then((v) => log('all', v.join('+')));
Promise.race([shared]).then((v) => log('race', v));
shared.finally(() => log('finally')).then((v) => log('after finally', v));
shared.then((v) => log('then 2', v));
setTimeout(() => resolveIt('a fairly long string value that does not fit in small-string storage'), 5);
setTimeout(async () => log('late await', await shared), 30);
