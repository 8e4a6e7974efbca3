// An interval that clears itself in its first run runs exactly once.
const log = console.log;
const id = setInterval(() => { log('interval ran'); clearInterval(id); }, 10);
setTimeout(() => log('end'), 60);
