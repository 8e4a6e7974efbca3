// When every input rejects, Promise.any rejects with an AggregateError whose
// errors are in input order, not in rejection order.
const log = console.log;
const ko = (ms, msg) => new Promise((_, reject) => setTimeout(() => { log('reject', msg); reject(new Error(msg)); }, ms));
Promise.any([ko(150, 'first input'), ko(50, 'second input'), ko(100, 'third input')]).catch((e) => {
  log('is AggregateError', e instanceof AggregateError);
  log('message', e.message);
  log('errors', e.errors.length);
  for (const err of e.errors) log(' -', err.message);
});
