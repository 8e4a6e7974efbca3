// finally returning a resolved promise: its value is ignored, the original
// value passes through; count ticks against a plain finally.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(7);
Promise.resolve('a').finally(() => {}).then((v) => log('plain finally', v));
Promise.resolve('b').finally(() => Promise.resolve('ignored')).then((v) => log('promise finally', v));
