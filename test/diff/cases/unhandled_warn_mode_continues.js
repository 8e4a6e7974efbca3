// node-args: --unhandled-rejections=warn
// warn mode without hooks: a warning on stderr, the program goes on, exit 0.
const log = console.log;
Promise.reject(new Error('warned only'));
setTimeout(() => {
  log('timer 1');
  Promise.reject(new Error('warned again'));
}, 5);
setTimeout(() => log('timer 2'), 30);
