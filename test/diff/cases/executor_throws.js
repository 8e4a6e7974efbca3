// An executor that throws rejects the promise; a throw after resolve is ignored.
const log = console.log;
new Promise(() => { throw new Error('executor threw'); }).catch((e) => log('caught', e.message));
new Promise((resolve) => { resolve('resolved first'); throw new Error('ignored'); })
  .then((v) => log('fulfilled', v), (e) => log('not called', e.message));
log('constructors returned normally');
