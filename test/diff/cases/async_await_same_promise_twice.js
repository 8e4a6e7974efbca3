// Two async functions awaiting the same pending promise resume in the order
// they started waiting; awaiting it again later takes one tick.
const log = console.log;
let open;
const door = new Promise((resolve) => { open = resolve; });
async function guest(name) {
  log(name, 'waits');
  const v = await door;
  log(name, 'enters', v);
  const again = await door;
  log(name, 'still', again);
}
guest('first');
guest('second');
setTimeout(() => open('open'), 5);
