// Promise.all over inputs of different types (awl: the tuple overload).
const log = console.log;
async function num() { await null; return 42; }
async function str() { await new Promise((r) => setTimeout(r, 5)); return 'text'; }
async function flag() { return true; }
Promise.all([num(), str(), flag()]).then(([n, s, f]) => log('got', n, s, f));
