// The timeout idiom: race a slow operation against a rejecting timer.
const log = console.log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function fetchData(ms, what) { await sleep(ms); log('fetched', what); return what; }
function timeout(ms) { return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after ' + ms)), ms)); }
async function main() {
  try { log('got', await Promise.race([fetchData(10, 'quick'), timeout(30)])); } catch (e) { log('error', e.message); }
  try { log('got', await Promise.race([fetchData(120, 'slow'), timeout(30)])); } catch (e) { log('error', e.message); }
}
main().then(() => log('main done'));
