// With several inputs already fulfilled, the first in input order wins.
const log = console.log;
Promise.any([Promise.reject(new Error('r')), Promise.resolve('b'), Promise.resolve('c')]).then((v) => log('any', v));
Promise.race([Promise.resolve('x'), Promise.reject(new Error('y'))]).then((v) => log('race', v));
Promise.race([Promise.reject(new Error('first is a rejection')), Promise.resolve('z')]).catch((e) => log('race rejected', e.message));
