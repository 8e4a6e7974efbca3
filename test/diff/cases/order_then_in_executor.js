// then registered inside an executor on another promise, and the executor's
// resolve called from a reaction.
const log = console.log;
const ready = Promise.resolve('ready');
const p = new Promise((resolve) => {
  log('executor');
  ready.then((v) => { log('reaction in executor', v); resolve(v + '!'); });
});
p.then((v) => log('p', v));
Promise.resolve().then(() => log('sibling 1')).then(() => log('sibling 2')).then(() => log('sibling 3'));
