// await of a rejected promise throws into the async function after 1 tick.
const log = console.log;
function ticker(n) { let p = Promise.resolve(); for (let i = 1; i <= n; i++) p = p.then(() => log('tick', i)); }
async function f() {
  try {
    await Promise.reject(new Error('nope'));
    log('not reached');
  } catch (e) {
    log('caught', e.message);
  }
  try {
    await new Promise((_, reject) => setTimeout(() => reject(new Error('later')), 5));
  } catch (e) {
    log('caught', e.message);
  }
}
ticker(3);
f().then(() => log('f done'));
