// Promise.race([]) stays pending forever; the program still ends normally.
const log = console.log;
Promise.race([]).then(() => log('never'), () => log('never either'));
setTimeout(() => log('timer ran, race still pending'), 10);
