// A losing input of race that rejects later is handled: exit status 0.
const log = console.log;
const loser = new Promise((_, reject) => setTimeout(() => { log('loser rejects'); reject(new Error('loser')); }, 100));
Promise.race([new Promise((resolve) => setTimeout(() => resolve('winner'), 20)), loser]).then((v) => log('race', v));
setTimeout(() => log('end'), 150);
