// Async functions started without awaiting them still run to completion.
const log = console.log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function background(name, ms) { await sleep(ms); log('background', name, 'finished'); }
async function main() {
  background('one', 100);
  background('two', 30);
  log('main returns without waiting');
}
main().then(() => log('main settled'));
