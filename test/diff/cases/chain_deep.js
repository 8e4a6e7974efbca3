// A 10000-link chain: value and tick position survive the depth.
const log = console.log;
let p = Promise.resolve(0);
for (let i = 0; i < 10000; i++) p = p.then((v) => v + 1);
p.then((v) => log('sum', v));
let q = Promise.resolve();
for (let i = 1; i <= 10001; i++) q = q.then(() => { if (i % 2500 === 0 || i >= 10000) log('tick', i); });
