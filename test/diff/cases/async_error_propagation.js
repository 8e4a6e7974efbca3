// An error thrown deep in nested async calls propagates up through awaits.
const log = console.log;
async function level3() { await null; throw new Error('deep failure'); }
async function level2() { await level3(); log('level2 not reached'); }
async function level1() {
  try {
    await level2();
  } catch (e) {
    log('level1 caught', e.message);
    throw new Error('level1: ' + e.message);
  }
}
level1().catch((e) => log('top caught', e.message));
