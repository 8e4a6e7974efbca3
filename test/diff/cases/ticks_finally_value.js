// finally passes a value through; count the ticks it costs against then.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(6);
Promise.resolve(1).then((v) => v).then((v) => log('then-then', v));
Promise.resolve(2).finally(() => log('finally cb')).then((v) => log('finally-then', v));
