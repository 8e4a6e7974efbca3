// then callbacks returning a value, nothing, a resolved promise, a rejected
// promise and a pending promise, side by side against a ticker.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
let release;
const pending = new Promise((resolve) => { release = resolve; });
ticker(8);
const root = Promise.resolve(0);
root.then(() => 1).then((v) => log('value ->', v));
root.then(() => {}).then((v) => log('nothing ->', v === undefined));
root.then(() => Promise.resolve(3)).then((v) => log('resolved promise ->', v));
root.then(() => Promise.reject(new Error('4'))).catch((e) => log('rejected promise ->', e.message));
root.then(() => pending).then((v) => log('pending promise ->', v));
root.then(() => {}).then(() => {}).then(() => { log('releasing'); release(5); });
