// Promise.all over promises without values.
const log = console.log;
const step = (ms, name) => new Promise((resolve) => setTimeout(() => { log(name); resolve(); }, ms));
Promise.all([step(100, 'two'), step(50, 'one'), step(150, 'three')]).then((v) => log('all done', v.length));
