// The array of Promise.all reaches every reaction and awaiter intact.
const log = console.log;
const all = Promise.all([Promise.resolve('x'.repeat(40)), new Promise((r) => setTimeout(() => r('y'.repeat(40)), 5))]);
all.then((v) => log('then A', v.length, v[0].length, v[1].length));
(async () => { const v = await all; log('await', v.length, v[0].length + v[1].length); })();
all.then((v) => log('then B', v[1].slice(0, 3)));
