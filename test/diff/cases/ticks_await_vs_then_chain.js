// Three awaits in an async function vs a three-link then chain: same pace.
const log = console.log;
async function awaits() {
  await null; log('await 1');
  await null; log('await 2');
  await null; log('await 3');
}
awaits();
Promise.resolve().then(() => log('then 1')).then(() => log('then 2')).then(() => log('then 3'));
