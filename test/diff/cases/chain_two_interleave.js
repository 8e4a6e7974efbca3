// Two independent chains advance one link per tick, alternating.
const log = console.log;
let a = Promise.resolve();
let b = Promise.resolve();
for (let i = 1; i <= 4; i++) {
  a = a.then(() => log('a', i));
  b = b.then(() => log('b', i));
}
