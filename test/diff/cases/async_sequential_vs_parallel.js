// Sequential awaits vs starting everything first (the article's dashboard).
const log = console.log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function call(name, ms) { log('start', name); await sleep(ms); log('done', name); return name; }
async function sequential() {
  const a = await call('seq-a', 30);
  const b = await call('seq-b', 30);
  return a + '+' + b;
}
async function parallel() {
  const [a, b] = await Promise.all([call('par-a', 30), call('par-b', 30)]);
  return a + '+' + b;
}
async function main() {
  log('sequential', await sequential());
  log('parallel', await parallel());
}
main();
