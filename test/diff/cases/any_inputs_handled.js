// Inputs of Promise.any that reject after it fulfilled are still handled.
const log = console.log;
const late = new Promise((_, reject) => setTimeout(() => { log('late reject'); reject(new Error('late')); }, 20));
Promise.any([Promise.resolve('winner'), late]).then((v) => log('any', v));
setTimeout(() => log('end'), 40);
