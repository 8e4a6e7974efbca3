// Only the first call of resolve/reject counts; later calls are ignored.
const log = console.log;
new Promise((resolve, reject) => {
  resolve('first');
  resolve('second');
  reject(new Error('ignored'));
}).then((v) => log('fulfilled with', v), (e) => log('not called', e.message));
new Promise((resolve, reject) => {
  reject(new Error('rejected first'));
  resolve('ignored');
  reject(new Error('ignored too'));
}).then((v) => log('not called', v), (e) => log('rejected with', e.message));
