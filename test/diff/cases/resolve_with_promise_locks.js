// After resolve(p) with a pending p, the promise is locked in: a later
// reject or resolve is ignored even before p settles.
const log = console.log;
let settleInner;
const inner = new Promise((resolve) => { settleInner = resolve; });
new Promise((resolve, reject) => {
  resolve(inner);
  reject(new Error('ignored: already resolved'));
  resolve('ignored as well');
}).then((v) => log('outer fulfilled with', v), (e) => log('not called', e.message));
setTimeout(() => settleInner('from inner'), 10);
