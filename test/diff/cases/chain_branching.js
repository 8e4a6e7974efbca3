// One promise with several then branches: branches interleave tick by tick.
const log = console.log;
const root = Promise.resolve('root');
root.then((v) => log('A1', v)).then(() => log('A2')).then(() => log('A3'));
root.then((v) => log('B1', v)).then(() => log('B2'));
root.then((v) => { log('C1', v); throw new Error('c'); }).catch((e) => log('C2 caught', e.message)).then(() => log('C3'));
