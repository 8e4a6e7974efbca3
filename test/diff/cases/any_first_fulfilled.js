// Promise.any fulfils with the first fulfilment; earlier rejections are ignored.
const log = console.log;
const ok = (ms, v) => new Promise((resolve) => setTimeout(() => { log('fulfil', v); resolve(v); }, ms));
const ko = (ms, msg) => new Promise((_, reject) => setTimeout(() => { log('reject', msg); reject(new Error(msg)); }, ms));
Promise.any([ko(100, 'e1'), ok(250, 'slow'), ok(175, 'fast'), ko(25, 'e2')]).then((v) => log('any', v));
