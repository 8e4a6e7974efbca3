// An async function whose return expression throws rejects its promise, as a
// throw would, and at the same tick; the awaiting caller catches it. (C++:
// a co_return whose conversion to the promise's value type throws.)
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
function failingConversion() { throw new Error('conversion failed'); }
async function returnsFailing() { return failingConversion(); }
async function returnsFailingAfterAwait() { await null; return failingConversion(); }
async function caller(name, f) {
  try {
    const v = await f();
    log(name, 'value', v);
  } catch (e) {
    log(name, 'caught', e.message);
  }
}
ticker(5);
caller('at once', returnsFailing);
caller('after an await', returnsFailingAfterAwait);
returnsFailing().catch((e) => log('catch_ caught', e.message));
