// An async function that throws and whose promise nobody observes: exit 1.
const log = console.log;
async function failing() { await null; log('about to throw'); throw new Error('async failure'); }
failing();
log('called');
