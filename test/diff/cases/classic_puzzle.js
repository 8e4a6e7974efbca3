// The classic interview puzzle.
const log = console.log;
async function async1() {
  log('async1 start');
  await async2();
  log('async1 end');
}
async function async2() {
  log('async2');
}
log('script start');
setTimeout(() => log('setTimeout'), 0);
async1();
new Promise((resolve) => {
  log('promise1');
  resolve();
}).then(() => log('promise2'));
log('script end');
