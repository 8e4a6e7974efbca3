// Promise.any([]) is already rejected with an empty AggregateError.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
ticker(2);
Promise.any([]).catch((e) => log('rejected', e instanceof AggregateError, e.errors.length));
