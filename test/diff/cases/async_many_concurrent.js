// Many concurrent async functions interleave one await at a time.
const log = console.log;
async function worker(id, steps) {
  for (let s = 1; s <= steps; s++) {
    await null;
    log('worker', id, 'step', s);
  }
  return id * 100;
}
const workers = [];
for (let id = 1; id <= 5; id++) workers.push(worker(id, id % 3 + 1));
Promise.all(workers).then((r) => log('results', r.join(',')));
log('all started');
